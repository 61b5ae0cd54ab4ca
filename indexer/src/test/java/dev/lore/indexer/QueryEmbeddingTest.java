package dev.lore.indexer;

import static dev.lore.indexer.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query's vector with the real model: the lean encoder gives langchain4j's vector to the last
 * bit, and recent queries' vectors are kept (bounded) without changing any result.
 */
class QueryEmbeddingTest {
    private static BgeSmallEmbedder model;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        model = BgeSmallEmbedder.load();
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    private static final List<String> QUERIES = List.of(
            "how do I get into prod at night",
            "Kafka rebalance",
            "KAFKA   Rebalance",
            "e.g. p99 latency > 200ms? (see #42)",
            "café résumé naïve Ångström",
            "東京 オフィス 勤務",
            "deploy 🚀 rollback",
            "tabs\tand\nnewlines\r\nhere",
            "don't won't can't",
            "unaffable unbelievably xylophonist");

    @Test
    void aShortQueryGetsLangchain4jsVectorToTheLastBit() {
        for (String q : QUERIES) {
            assertThat(model.query(q)).as(q).containsExactly(BgeSmallEmbedder.unit(model.throughLangchain4j(q)));
        }
    }

    @Test
    void aQueryLongerThanTheWindowGetsLangchain4jsVectorToo() {
        // both read the first 512 tokens: the tokenizer truncates before langchain4j could split
        String text = "production access for the on-call engineer at night ".repeat(80);

        assertThat(model.query(text)).containsExactly(BgeSmallEmbedder.unit(model.throughLangchain4j(text)));
        assertThat(model.query(text))
                .isNotEqualTo(model.query("production access for the on-call engineer at night ".repeat(40)));
    }

    @Test
    void textsTheCacheTreatsAsOneHaveTheSameVector() {
        var counting = new SharedModel(model);
        var semantic = new SemanticSearch(counting, 16);

        float[] first = semantic.embed("Kafka   rebalance ");
        float[] again = semantic.embed("kafka rebalance");

        assertThat(counting.queries).hasValue(1);
        assertThat(again).isSameAs(first);
        assertThat(first).containsExactly(model.query("kafka rebalance"));
        assertThat(model.query("Kafka \t rebalance")).containsExactly(model.query("kafka rebalance"));
        // outside ASCII the text is kept as typed: the model's lowercasing is not Java's
        assertThat(QueryVectors.key("ΟΔΟΣ")).isEqualTo("ΟΔΟΣ");
        assertThat(QueryVectors.key(" A\u000bB ")).isEqualTo("a\u000bb");
    }

    @Test
    void theCacheIsBoundedAndKeepsTheMostRecentlyUsed() {
        var counting = new SharedModel(model);
        var semantic = new SemanticSearch(counting, 2);

        semantic.embed("alpha");
        semantic.embed("beta");
        semantic.embed("alpha"); // alpha is now the most recent
        semantic.embed("gamma"); // beta goes
        assertThat(semantic.recent().size()).isEqualTo(2);
        assertThat(counting.queries).hasValue(3);

        semantic.embed("alpha");
        assertThat(counting.queries).hasValue(3);
        semantic.embed("beta");
        assertThat(counting.queries).hasValue(4);

        var none = new SemanticSearch(counting, 0);
        none.embed("alpha");
        none.embed("alpha");
        assertThat(none.recent().size()).isZero();
        assertThat(counting.queries).hasValue(6);
    }

    @Test
    void aRepeatedSearchGivesTheSameResultsFromTheCachedVector() {
        var counting = new SharedModel(model);
        try (var index = LoreIndex.open(dir, Optional.of(counting))) {
            index.apply(
                    List.of(
                            doc("break-glass", "Break-glass credentials", "The sealed emergency account for prod."),
                            doc("rebalance", "Rebalance storms", "Consumers kicked out of the group."),
                            doc("lunch", "Lunch", "Soup and ramen near the office.")),
                    List.of(),
                    1);
            index.awaitEmbeddings();
            for (String q : List.of("emergency production access", "slow consumers", "where to eat")) {
                var request = new SearchRequest(q, 0, 10);
                int before = counting.queries.get();

                SearchResults first = index.search(request);
                SearchResults cached = index.search(request);
                index.forgetQueryVectors();
                SearchResults recomputed = index.search(request);

                assertThat(cached).isEqualTo(first);
                assertThat(recomputed).isEqualTo(first);
                assertThat(counting.queries.get() - before).isEqualTo(2);
            }
        }
    }
}
