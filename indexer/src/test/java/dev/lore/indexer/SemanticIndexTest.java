package dev.lore.indexer;

import static dev.lore.indexer.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hybrid search with the real model (loaded once for the class): passages, vectors, fusion. */
class SemanticIndexTest {
    private static Embedder model;

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

    /** The index closes its embedder; the tests share one model, so hand it one that does not. */
    private LoreIndex open() {
        return LoreIndex.open(dir, Optional.of(new SharedModel(model)));
    }

    private static final List<IndexDoc> WIKI = List.of(
            doc(
                    "break-glass",
                    "Break-glass credentials",
                    "When an incident needs someone on the production cluster outside working hours, the on-call"
                            + " engineer opens the sealed emergency account. The vault logs every use and the"
                            + " password is rotated the next morning.",
                    "ops"),
            doc(
                    "rebalance",
                    "Rebalance storms",
                    "Consumers that take longer than the poll interval are kicked out of the group; every member"
                            + " then stops while partitions are reassigned, and throughput collapses.",
                    "kafka"),
            doc(
                    "lunch",
                    "Lunch options near the office",
                    "The canteen on the ground floor serves soup and salads; the ramen place across the street"
                            + " is quicker on Fridays.",
                    "office"));

    private static List<String> slugs(SearchResults results) {
        return results.hits().stream().map(SearchHit::slug).toList();
    }

    private static SearchResults search(LoreIndex index, String q, Ranking ranking) {
        return index.search(new SearchRequest(q, 0, 10), ranking);
    }

    @Test
    void findsAPageByMeaningWhenNoWordMatches() {
        try (var index = open()) {
            index.apply(WIKI, List.of(), 1);
            index.awaitEmbeddings();

            assertThat(search(index, "how do I get into prod at night", Ranking.LEXICAL)
                            .hits())
                    .isEmpty();
            assertThat(slugs(index.search(new SearchRequest("how do I get into prod at night", 0, 10)))
                            .getFirst())
                    .isEqualTo("break-glass");
            assertThat(slugs(search(index, "why is my consumer slow", Ranking.HYBRID_RRF))
                            .getFirst())
                    .isEqualTo("rebalance");
        }
    }

    @Test
    void aHitFoundByMeaningAloneShowsTheMatchingPassage() {
        try (var index = open()) {
            index.apply(WIKI, List.of(), 1);
            index.awaitEmbeddings();

            SearchHit hit = search(index, "emergency access to production", Ranking.SEMANTIC)
                    .hits()
                    .getFirst();

            assertThat(hit.slug()).isEqualTo("break-glass");
            assertThat(hit.snippet()).contains("on-call");
        }
    }

    @Test
    void excludedWordsPhrasesAndFiltersHoldForHitsFoundByMeaning() {
        try (var index = open()) {
            index.apply(WIKI, List.of(), 1);
            index.awaitEmbeddings();

            assertThat(slugs(search(index, "emergency production access -vault", Ranking.HYBRID_RRF)))
                    .doesNotContain("break-glass");
            assertThat(slugs(search(index, "emergency production access tag:kafka", Ranking.HYBRID_RRF)))
                    .containsOnly("rebalance");
            assertThat(slugs(search(index, "emergency access \"ramen place\"", Ranking.HYBRID_RRF)))
                    .containsExactly("lunch");
            assertThat(search(index, "emergency access \"ramen place\"", Ranking.HYBRID_RRF)
                            .total())
                    .isEqualTo(1);
        }
    }

    @Test
    void facetsAndTotalCountTheFusedHits() {
        try (var index = open()) {
            index.apply(WIKI, List.of(), 1);
            index.awaitEmbeddings();

            SearchResults results = search(index, "sealed emergency account", Ranking.HYBRID_RRF);

            assertThat(results.total()).isEqualTo(results.hits().size());
            long counted = results.facets().get("tags").values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            assertThat(counted).isEqualTo(results.total());
        }
    }

    @Test
    void deletedAndEditedPagesLeaveNoPassagesBehind() {
        try (var index = open()) {
            index.apply(WIKI, List.of(), 1);
            index.apply(List.of(), List.of("article:break-glass"), 2);
            index.apply(
                    List.of(doc("rebalance", "Rebalance storms", "Lunch and soup and ramen on Fridays.", "kafka")),
                    List.of(),
                    3);
            index.awaitEmbeddings();

            assertThat(slugs(search(index, "emergency access to production", Ranking.SEMANTIC)))
                    .doesNotContain("break-glass");
            assertThat(index.relatedTo("article:lunch", List.of("article"), 1))
                    .extracting(LoreIndex.Scored::slug)
                    .containsExactly("rebalance");
            assertThat(index.docCount()).isEqualTo(2);
        }
    }

    @Test
    void relatedAndSimilarDocumentsComeByMeaning() {
        try (var index = open()) {
            index.apply(WIKI, List.of(), 1);
            index.apply(
                    List.of(doc(
                            "oncall", "Being on call", "The on-call engineer may need production access at night.")),
                    List.of(),
                    2);
            index.awaitEmbeddings();

            assertThat(index.relatedTo("article:oncall", List.of(), 1))
                    .extracting(LoreIndex.Scored::slug)
                    .containsExactly("break-glass");
            assertThat(index.similarTo("where can I eat", List.of("article"), 1))
                    .extracting(LoreIndex.Scored::slug)
                    .containsExactly("lunch");
        }
    }

    @Test
    void theCommittedSequenceWaitsForVectorsAndRecordsTheModel() throws IOException {
        try (var index = open()) {
            index.apply(WIKI, List.of(), 5);
            index.awaitEmbeddings();
            index.commit();
        }
        try (var directory = FSDirectory.open(dir)) {
            var data = SegmentInfos.readLatestCommit(directory).getUserData();
            assertThat(data).containsEntry(Fields.COMMIT_SEQ, "5").containsEntry(Fields.COMMIT_MODEL, model.name());
        }
        try (var lexical = LoreIndex.open(dir)) { // no model: the vectors are not trusted, the index is rebuilt
            assertThat(lexical.appliedSeq()).isZero();
        }
    }
}
