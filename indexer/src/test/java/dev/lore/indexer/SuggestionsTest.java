package dev.lore.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggestionsTest {
    @TempDir
    Path dir;

    private static IndexDoc article(String slug, String title) {
        return new IndexDoc(
                "article:" + slug,
                "article",
                slug,
                title,
                "A body long enough to be stored and not read by suggestions.",
                List.of(),
                List.of(),
                List.of(),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static List<String> titles(LoreIndex index, String typed, int limit) {
        return index.suggest(typed, limit).stream()
                .map(LoreIndex.Suggestion::title)
                .toList();
    }

    @Test
    void completesTheLastWordAndRanksAWholeWordFirst() {
        try (var index = LoreIndex.open(dir)) {
            index.apply(
                    List.of(article("kafkaesque", "Kafkaesque approvals"), article("kafka", "Kafka consumer groups")),
                    List.of(),
                    1);

            assertThat(titles(index, "kafka", 8)).containsExactly("Kafka consumer groups", "Kafkaesque approvals");
            assertThat(titles(index, "kafka cons", 8)).containsExactly("Kafka consumer groups");
        }
    }

    @Test
    void fillsTheListWithSlipsOnlyAfterTheWordsAsTyped() {
        try (var index = LoreIndex.open(dir)) {
            index.apply(
                    List.of(
                            article("typo", "Kafak tuning"),
                            article("groups", "Kafka consumer groups"),
                            article("retries", "Kafka producer retries")),
                    List.of(),
                    1);

            assertThat(titles(index, "kafka", 2))
                    .containsExactlyInAnyOrder("Kafka consumer groups", "Kafka producer retries");
            assertThat(titles(index, "kafka", 8)).hasSize(3).endsWith("Kafak tuning");
            assertThat(titles(index, "kafak", 8)).first().isEqualTo("Kafak tuning");
            assertThat(titles(index, "kafak", 8)).contains("Kafka consumer groups", "Kafka producer retries");
        }
    }

    @Test
    void completesAWordFromAnyLengthOfItsStartEvenPastTheStartsKeptForIt() {
        String word = "observabilityengineeringhandbook"; // 32 letters, longer than the starts kept
        try (var index = LoreIndex.open(dir)) {
            index.apply(
                    List.of(article("handbook", "The " + word), article("other", "Observation notes")), List.of(), 1);

            for (int typed : List.of(2, 5, Analyzers.MAX_PREFIX, Analyzers.MAX_PREFIX + 1, word.length())) {
                assertThat(titles(index, word.substring(0, typed), 8))
                        .as("typed %d letters", typed)
                        .first()
                        .isEqualTo("The " + word);
            }
            assertThat(titles(index, "obs", 8)).containsExactlyInAnyOrder("The " + word, "Observation notes");
        }
    }

    @Test
    void neverSuggestsADeletedPage() {
        try (var index = LoreIndex.open(dir)) {
            index.apply(
                    List.of(article("kafka", "Kafka consumer groups"), article("kafak", "Kafak notes")), List.of(), 1);
            index.apply(List.of(), List.of("article:kafka", "article:kafak"), 2);

            assertThat(index.suggest("kafka", 8)).isEmpty();
        }
    }
}
