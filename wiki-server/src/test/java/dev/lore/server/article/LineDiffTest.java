package dev.lore.server.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {
    @Test
    void marksAddedAndRemovedLinesWithTheirNumbers() {
        var diff = LineDiff.between("a\nb\nc\n", "a\nc\nd\n");
        assertThat(diff.lines())
                .extracting(l -> l.kind() + " " + l.oldNumber() + " " + l.newNumber() + " " + l.text())
                .containsExactly("same 1 1 a", "removed 2 0 b", "same 3 2 c", "added 0 3 d");
        assertThat(diff.added()).isEqualTo(1);
        assertThat(diff.removed()).isEqualTo(1);
    }

    @Test
    void foldsLongUnchangedRunsIntoGaps() {
        String before = IntStream.rangeClosed(1, 40).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String after = before.replace("line 20", "line twenty");
        var diff = LineDiff.between(before, after);
        assertThat(diff.lines()).hasSize(1 + 3 + 2 + 3 + 1);
        assertThat(diff.lines().getFirst().kind()).isEqualTo("gap");
        assertThat(diff.lines().getFirst().text()).isEqualTo("16 unchanged lines");
        assertThat(diff.lines().getLast().text()).isEqualTo("17 unchanged lines");
    }

    @Test
    void identicalTextsHaveNoChanges() {
        var diff = LineDiff.between("same\n", "same\n");
        assertThat(diff.added()).isZero();
        assertThat(diff.removed()).isZero();
        assertThat(diff.lines()).isEmpty();
    }
}
