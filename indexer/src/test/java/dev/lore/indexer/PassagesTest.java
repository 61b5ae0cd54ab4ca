package dev.lore.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassagesTest {
    private static IndexDoc doc(String body, List<String> headings) {
        return new IndexDoc("article:a", "article", "a", "Title", body, List.of(), List.of(), List.of(), Instant.EPOCH)
                .withHeadings(headings);
    }

    @Test
    void aHeadingStartsANewPassageAndTheTitleLeadsEach() {
        var passages = Passages.of(doc("Intro text.\nSetup\nInstall it.\nRun it.", List.of("Setup")));

        assertThat(passages)
                .extracting(Passages.Passage::text)
                .containsExactly("Title\n\nIntro text.", "Title\n\nSetup\nInstall it.\nRun it.");
    }

    @Test
    void longTextIsCutWithinTheWordBudgetAndOffsetsPointIntoTheBody() {
        String body = "word ".repeat(Passages.MAX_WORDS * 2 + 10).strip();

        var passages = Passages.of(doc(body, List.of()));

        assertThat(passages).hasSize(3);
        for (var p : passages) {
            assertThat(Passages.wordCount(body.substring(p.start(), p.end()))).isLessThanOrEqualTo(Passages.MAX_WORDS);
        }
    }

    @Test
    void anEmptyBodyStillHasItsTitle() {
        assertThat(Passages.of(doc("", List.of())))
                .extracting(Passages.Passage::text)
                .containsExactly("Title");
    }

    @Test
    void aVeryLongPageIsEmbeddedUpToTheLimit() {
        String body = ("para ".repeat(200) + "\n").repeat(Passages.MAX_PASSAGES * 2);

        assertThat(Passages.of(doc(body, List.of()))).hasSize(Passages.MAX_PASSAGES);
    }
}
