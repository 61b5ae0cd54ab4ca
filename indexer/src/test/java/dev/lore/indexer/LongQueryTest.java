package dev.lore.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** However long or strange the text, a search runs within Lucene's clause limit and still finds things. */
class LongQueryTest {
    @TempDir
    Path dir;

    /** Many similar words, so that every fuzzy word expands as far as it may. */
    private static final String VOCABULARY = IntStream.range(0, 3_000)
            .mapToObj(i -> "kafkatopic" + Integer.toString(i, 36))
            .collect(Collectors.joining(" "));

    private static String join(int n, java.util.function.IntFunction<String> word) {
        return IntStream.range(0, n).mapToObj(word).collect(Collectors.joining(" "));
    }

    private static List<String> hostile() {
        return List.of(
                join(1_500, i -> "w" + Integer.toString(i, 36)),
                "🚀".repeat(900),
                join(400, i -> "😀"),
                join(150, i -> "\"p" + i + " q" + i + "\""),
                "kafka " + join(300, i -> "-x" + i),
                "kafka -" + "🚀".repeat(600),
                "kafka " + join(150, i -> "tag:t" + i),
                "kafka author:\"" + "ana ".repeat(200) + "\"",
                join(200, i -> "kafkatopiq" + i), // nothing matches exactly: the fuzzy retry runs
                join(60, i -> "kafkatopiq" + i) + " " + join(8, i -> "\"a" + i + " b\"") + " "
                        + join(8, i -> "-" + "🚀".repeat(50)) + " "
                        + join(16, i -> "author:\"" + "x ".repeat(40) + "\""));
    }

    @Test
    void anyTextSearchesWithinTheClauseLimit() {
        try (var index = LoreIndex.open(dir)) {
            index.apply(
                    List.of(new IndexDoc(
                            "article:kafka",
                            "article",
                            "kafka",
                            "Kafka topics",
                            "Partitions, w1 and w2. " + VOCABULARY,
                            List.of("streaming"),
                            List.of("Kafka"),
                            List.of("Ana Silva"),
                            Instant.parse("2026-01-01T00:00:00Z"))),
                    List.of(),
                    1);
            var manyFacets = IntStream.range(0, 3_000).mapToObj(i -> "t" + i).toList();
            for (String q : hostile()) {
                assertThatCode(() -> index.search(new SearchRequest(q, 0, 10)))
                        .as(q.substring(0, 40))
                        .doesNotThrowAnyException();
                assertThatCode(() -> index.topIds(q, List.of("article"), 100)).doesNotThrowAnyException();
                assertThatCode(() -> index.suggest(q, 10)).doesNotThrowAnyException();
                assertThatCode(() -> index.search(new SearchRequest(
                                q,
                                manyFacets,
                                manyFacets,
                                manyFacets,
                                manyFacets,
                                "week",
                                SearchRequest.Order.RELEVANCE,
                                Instant.now(),
                                0,
                                10)))
                        .doesNotThrowAnyException();
            }
            assertThat(index.search(new SearchRequest(hostile().getFirst(), 0, 10))
                            .total())
                    .as("the first words still search")
                    .isEqualTo(1);
            assertThat(index.search(new SearchRequest(join(200, i -> "kafkatopiq" + i), 0, 10))
                            .fuzzy())
                    .isTrue();
        }
    }

    @Test
    void keepsTheFirstWordsOfALongQuery() {
        var words = Collections.nCopies(UserQuery.MAX_WORDS + 10, "kafka");
        assertThat(UserQuery.parse(String.join(" ", words)).words()).hasSize(UserQuery.MAX_WORDS);
        var parsed = UserQuery.parse(join(20, i -> "\"a" + i + " b\" -c" + i + " tag:t" + i));
        assertThat(parsed.phrases()).hasSize(UserQuery.MAX_PHRASES);
        assertThat(parsed.excluded()).hasSize(UserQuery.MAX_EXCLUDED);
        assertThat(parsed.filters().get("tag")).hasSize(UserQuery.MAX_FILTER_VALUES);
    }
}
