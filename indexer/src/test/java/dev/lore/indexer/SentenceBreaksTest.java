package dev.lore.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {
    private static final String TEXT = "First sentence. Second one!  Third?\nA new line v1.2 stays whole";

    @Test
    void breaksAfterSentenceEndsAndLineBreaksButNotInsideNumbers() {
        var breaks = new SentenceBreaks();
        breaks.setText(TEXT);
        var starts = new java.util.ArrayList<Integer>();
        for (int b = breaks.first(); b != BreakIterator.DONE; b = breaks.next()) {
            starts.add(b);
        }
        assertThat(starts)
                .containsExactly(
                        0, TEXT.indexOf("Second"), TEXT.indexOf("Third"), TEXT.indexOf("A new"), TEXT.length());
    }

    @Test
    void followingAndPrecedingFindTheSurroundingSentence() {
        var breaks = new SentenceBreaks();
        breaks.setText(TEXT);
        int inSecond = TEXT.indexOf("one");
        assertThat(breaks.preceding(inSecond)).isEqualTo(TEXT.indexOf("Second"));
        assertThat(breaks.following(inSecond)).isEqualTo(TEXT.indexOf("Third"));
        assertThat(breaks.preceding(0)).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.following(TEXT.length())).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.isBoundary(TEXT.indexOf("Third"))).isTrue();
        assertThat(breaks.isBoundary(inSecond)).isFalse();
    }

    @Test
    void emptyTextHasOneBoundary() {
        var breaks = new SentenceBreaks();
        breaks.setText("");
        assertThat(breaks.first()).isZero();
        assertThat(breaks.next()).isEqualTo(BreakIterator.DONE);
    }
}
