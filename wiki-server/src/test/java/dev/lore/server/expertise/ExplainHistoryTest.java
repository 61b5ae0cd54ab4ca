package dev.lore.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How an expert's work on an article is put in words, lasting lines and history. */
class ExplainHistoryTest {
    private static final Optional<Instant> IN_2023 = Optional.of(Instant.parse("2023-05-04T10:00:00Z"));
    private static final Optional<Instant> LAST = Optional.of(Instant.parse("2026-01-02T10:00:00Z"));

    private static String wrote(double share, double addedShare) {
        return Explain.wrote(
                new Evidence.Article("Kafka consumer groups", "kafka", share, 4, 0.5, LAST, addedShare, IN_2023));
    }

    @Test
    void speaksOfTheCurrentTextWhenWhatTheyWroteLasted() {
        assertThat(wrote(0.62, 0.70)).isEqualTo("wrote 62% of 'Kafka consumer groups'");
    }

    @Test
    void speaksOfTheFirstVersionsWhenMostOfWhatWasEverAddedIsTheirsButWasRewritten() {
        assertThat(wrote(0.05, 0.8)).isEqualTo("wrote most of the first versions of 'Kafka consumer groups' in 2023");
        assertThat(wrote(0, 0.55)).isEqualTo("wrote most of the first versions of 'Kafka consumer groups' in 2023");
    }

    @Test
    void speaksOfTheirPartOfTheHistoryWhenItIsSmallerThanHalf() {
        assertThat(wrote(0, 0.3))
                .isEqualTo("wrote 30% of all that was ever added to 'Kafka consumer groups', from 2023");
    }

    @Test
    void saysEditedWhenNothingTheyWroteCounts() {
        assertThat(wrote(0, 0)).isEqualTo("edited 'Kafka consumer groups'");
    }

    @Test
    void anArticleWithoutHistoryReadsAsBefore() {
        assertThat(Explain.wrote(new Evidence.Article("Runbook", "runbook", 0.4, 1, 0.1, LAST)))
                .isEqualTo("wrote 40% of 'Runbook'");
    }
}
