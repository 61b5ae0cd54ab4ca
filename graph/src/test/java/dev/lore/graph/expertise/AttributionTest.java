package dev.lore.graph.expertise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributionTest {
    /** Saves texts in order and returns the authors of the last one's lines. */
    private static List<String> history(String... authorAndText) {
        List<String> lines = List.of();
        List<String> authors = List.of();
        var earlier = new ArrayList<Attribution.Attributed>();
        for (int i = 0; i < authorAndText.length; i += 2) {
            String text = authorAndText[i + 1];
            List<String> next = Attribution.carry(lines, authors, text, authorAndText[i], earlier);
            if (!lines.isEmpty()) {
                earlier.addFirst(new Attribution.Attributed(lines, authors));
            }
            lines = Attribution.lines(text);
            authors = next;
        }
        return authors;
    }

    @Test
    void firstRevisionBelongsToItsAuthorAndBlankLinesToNobody() {
        assertThat(history("ana", "# Kafka consumer groups\n\nPartitions are shared out.\n"))
                .containsExactly("ana", "", "ana");
    }

    @Test
    void keptLinesKeepTheirAuthorAndChangedOrAddedLinesGoToTheEditor() {
        var authors = history(
                "ana", "# Kafka consumer groups\nPartitions are shared out.\nOffsets are committed.",
                "ben",
                        "# Kafka consumer groups\nPartitions are shared out among members.\nOffsets are committed.\nRebalances pause consumption.");
        assertThat(authors).containsExactly("ana", "ben", "ana", "ben");
    }

    @Test
    void aRevertGivesTheLinesBackToWhoFirstWroteThem() {
        String original = "# Deploying\nRun the pipeline from main.\nWatch the canary for ten minutes.";
        var authors = history(
                "ana", original,
                "vandal", "# Deploying\nJust push to production, it is fine.",
                "carl", original);
        assertThat(authors).containsExactly("ana", "ana", "ana");
    }

    @Test
    void movedLinesKeepTheirAuthor() {
        var authors = history(
                "ana", "First paragraph about topics.\nSecond paragraph about offsets.",
                "ben", "Second paragraph about offsets.\nFirst paragraph about topics.");
        assertThat(authors).containsExactly("ana", "ana");
    }

    @Test
    void shortGenericLinesAreNotCreditedToAnEarlierAuthor() {
        var authors = history(
                "ana", "Example one with a long enough line:\n```\ncode by ana here\n```",
                "ben",
                        "Example one with a long enough line:\n```\ncode by ana here\n```\nMore from ben now:\n```\nben's code goes here\n```");
        assertThat(authors.subList(4, 8)).containsExactly("ben", "ben", "ben", "ben");
    }

    @Test
    void trailingWhitespaceChangesDoNotStealLines() {
        var authors = history(
                "ana", "A line written by ana.\nAnother one.", "ben", "A line written by ana.   \nAnother one.\t");
        assertThat(authors).containsExactly("ana", "ana");
    }

    @Test
    void sharesCountNonBlankLines() {
        var shares = Attribution.shares(List.of("ana", "", "ben", "ana", "ana"));
        assertThat(shares.keySet()).containsExactly("ana", "ben");
        assertThat(shares.get("ana")).isCloseTo(0.75, within(1e-9));
        assertThat(shares.get("ben")).isCloseTo(0.25, within(1e-9));
        assertThat(Attribution.shares(List.of())).isEmpty();
    }

    @Test
    void deletingEverythingLeavesNoAuthors() {
        assertThat(history("ana", "Some text here.", "ben", "")).isEmpty();
    }
}
