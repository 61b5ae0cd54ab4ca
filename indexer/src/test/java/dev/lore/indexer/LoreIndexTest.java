package dev.lore.indexer;

import static dev.lore.indexer.TestDocs.doc;
import static dev.lore.indexer.TestDocs.slugs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoreIndexTest {
    @TempDir
    Path dir;

    private long committedSeqOnDisk() throws IOException {
        try (var directory = FSDirectory.open(dir)) {
            return Long.parseLong(
                    SegmentInfos.readLatestCommit(directory).getUserData().getOrDefault(Fields.COMMIT_SEQ, "0"));
        }
    }

    @Test
    void appliedChangesAreSearchableAtOnceWithStemmingAndHighlights() {
        try (var index = LoreIndex.open(dir)) {
            index.apply(
                    List.of(doc("deploys", "Deploying services", "We deployed the billing service twice.")),
                    List.of(),
                    1);

            var results = index.search(new SearchRequest("deploy", 0, 10));

            assertThat(results.total()).isEqualTo(1);
            assertThat(results.hits().getFirst().snippet()).contains("<mark>deployed</mark>");
        }
    }

    @Test
    void marksLiftAPageByASmallFactorAndLeaveUnmarkedScoresAsTheyWere() {
        try (var index = LoreIndex.open(dir)) {
            IndexDoc plain = doc("a", "Lag", "consumer lag dashboard"); // first in a tie (by id)
            IndexDoc marked = doc("b", "Lag", "consumer lag dashboard");
            index.apply(List.of(plain, marked), List.of(), 1);
            float unmarked = index.search(new SearchRequest("lag", 0, 10))
                    .hits()
                    .getFirst()
                    .score();

            index.apply(List.of(marked.withMarks(10)), List.of(), 2);
            var hits = index.search(new SearchRequest("lag", 0, 10)).hits();

            assertThat(hits).extracting(SearchHit::slug).containsExactly("b", "a");
            assertThat(hits.get(1).score()).isEqualTo(unmarked);
            assertThat((double) hits.get(0).score()).isCloseTo(unmarked * MarksBoost.factor(10), within(1e-4));
            assertThat(MarksBoost.factor(10)).isBetween(1.1, 1.15); // a lift, not a leap
        }
    }

    @Test
    void stopWordsAloneMatchNothingNotEvenOnTheSpellingRetry() {
        try (var index = LoreIndex.open(dir)) {
            index.apply(
                    List.of(doc("lunch", "Lunch options", "The canteen on the ground floor serves soup.")),
                    List.of(),
                    1);

            assertThat(slugs(index, "who rotates the zebra")).isEmpty();
            assertThat(slugs(index, "the canteen")).containsExactly("lunch");
        }
    }

    @Test
    void matchesTagsExactlyRegardlessOfCase() {
        try (var index = LoreIndex.open(dir)) {
            index.apply(List.of(doc("a", "Pipelines", "builds", "CI/CD"), doc("b", "Other", "words")), List.of(), 2);
            assertThat(slugs(index, "ci/cd")).containsExactly("a");
        }
    }

    @Test
    void deletesAndReplacesById() {
        try (var index = LoreIndex.open(dir)) {
            index.apply(List.of(doc("a", "Old title", "alpha")), List.of(), 1);
            index.apply(List.of(doc("a", "New title", "beta")), List.of(), 2);
            assertThat(slugs(index, "alpha")).isEmpty();
            assertThat(slugs(index, "beta")).containsExactly("a");
            index.apply(List.of(), List.of("article:a"), 3);
            assertThat(index.docCount()).isZero();
        }
    }

    @Test
    void theSequenceBecomesDurableOnlyWithACommitAndSurvivesReopening() throws IOException {
        try (var index = LoreIndex.open(dir)) {
            index.apply(List.of(doc("a", "A", "first")), List.of(), 5);
            index.commit();
            index.apply(List.of(doc("b", "B", "second")), List.of(), 9);

            assertThat(index.appliedSeq()).isEqualTo(9);
            assertThat(index.committedSeq()).isEqualTo(5);
            assertThat(committedSeqOnDisk()).isEqualTo(5); // a crash now would catch up from 5
        }
        try (var reopened = LoreIndex.open(dir)) {
            assertThat(reopened.appliedSeq()).isEqualTo(9); // close commits
            assertThat(reopened.docCount()).isEqualTo(2);
        }
    }

    @Test
    void clearEmptiesTheIndexAndResetsTheSequence() {
        try (var index = LoreIndex.open(dir)) {
            index.apply(List.of(doc("a", "A", "x")), List.of(), 4);
            index.clear();
            assertThat(index.docCount()).isZero();
            assertThat(index.appliedSeq()).isZero();
            assertThat(index.committedSeq()).isZero();
        }
    }

    @Test
    void hostileQueriesReturnResultsOrNothing() {
        try (var index = LoreIndex.open(dir)) {
            index.apply(List.of(doc("a", "A", "text")), List.of(), 1);
            for (String q : List.of("\"", "-", "|", "+-*", "the", "\u0000", "a".repeat(5000), "((text")) {
                assertThat(index.search(new SearchRequest(q, 0, 10)).hits()).isNotNull();
            }
        }
    }

    @Test
    void topIdsRanksLikeTopDocumentsAcrossSegmentsAndDeletions() {
        try (var index = LoreIndex.open(dir)) {
            // several applies make several segments; one document is replaced, one deleted
            index.apply(List.of(doc("a", "Kafka consumers", "kafka kafka kafka offsets")), List.of(), 1);
            index.apply(List.of(doc("b", "Kafka topics", "kafka partitions")), List.of(), 2);
            index.commit();
            index.apply(List.of(doc("c", "Streams", "kafka streams joins kafka")), List.of(), 3);
            index.apply(List.of(doc("d", "Old", "kafka")), List.of(), 4);
            index.apply(List.of(doc("b", "Kafka topics", "kafka partitions and kafka retention")), List.of(), 5);
            index.apply(List.of(), List.of("article:d"), 6);

            var documents = index.topDocuments("kafka", List.of("article"), 10);
            var ids = index.topIds("kafka", List.of("article"), 10);

            assertThat(ids)
                    .extracting(LoreIndex.Ranked::id)
                    .containsExactlyElementsOf(
                            documents.stream().map(LoreIndex.Scored::slug).toList())
                    .containsExactlyInAnyOrder("a", "b", "c");
            assertThat(ids)
                    .extracting(LoreIndex.Ranked::score)
                    .containsExactlyElementsOf(
                            documents.stream().map(LoreIndex.Scored::score).toList());
            assertThat(index.topIds("kafka", List.of("question"), 10)).isEmpty();
            assertThat(index.topIds("   ", List.of("article"), 10)).isEmpty();
        }
    }

    @Test
    void topIdsBringEachArticleWithItsSlugTitleAndContributorsAsIndexed() {
        try (var index = LoreIndex.open(dir)) {
            var written = Instant.parse("2025-03-04T05:06:07.123456789Z");
            var ana = new IndexDoc.Credit("p-ana", 0.625, 3, written);
            var bo = new IndexDoc.Credit("p-bo", 0.0, 1, Instant.parse("1999-12-31T23:59:59Z"));
            var article = new IndexDoc(
                            "article:a1",
                            "article",
                            "kafka-offsets",
                            "Kafka offsets, explained",
                            "kafka offsets and commits",
                            List.of(),
                            List.of(),
                            List.of("Ana", "Bo"),
                            written)
                    .withCredits(List.of(ana, bo));
            var question = new IndexDoc(
                    "question:q1",
                    "question",
                    "q1",
                    "Why do kafka offsets reset?",
                    "kafka",
                    List.of(),
                    List.of(),
                    List.of("Cy"),
                    written);
            index.apply(List.of(article, question), List.of(), 1);
            assertThat(index.topIds("offsets", List.of("article"), 10)
                            .getFirst()
                            .credits())
                    .containsExactly(ana, bo);
            // a new version of the article replaces its contributors; an article may have none
            var anaAlone = new IndexDoc.Credit("p-ana", 1.0, 4, written.plusSeconds(60));
            index.apply(
                    List.of(
                            new IndexDoc(
                                            article.id(),
                                            "article",
                                            article.slug(),
                                            article.title(),
                                            article.body(),
                                            List.of(),
                                            List.of(),
                                            List.of("Ana"),
                                            written)
                                    .withCredits(List.of(anaAlone)),
                            new IndexDoc(
                                    "article:a2",
                                    "article",
                                    "kafka-lag",
                                    "Consumer lag",
                                    "kafka lag",
                                    List.of(),
                                    List.of(),
                                    List.of(),
                                    written)),
                    List.of(),
                    2);

            var ranked = index.topIds("kafka", List.of("article", "question"), 10);

            assertThat(ranked).extracting(LoreIndex.Ranked::id).containsExactlyInAnyOrder("a1", "a2", "q1");
            var a1 =
                    ranked.stream().filter(r -> r.id().equals("a1")).findFirst().orElseThrow();
            assertThat(a1.type()).isEqualTo("article");
            assertThat(a1.slug()).isEqualTo("kafka-offsets");
            assertThat(a1.title()).isEqualTo("Kafka offsets, explained");
            assertThat(a1.credits()).containsExactly(anaAlone);
            var a2 =
                    ranked.stream().filter(r -> r.id().equals("a2")).findFirst().orElseThrow();
            assertThat(a2.slug()).isEqualTo("kafka-lag");
            assertThat(a2.credits()).isEmpty();
            var q1 =
                    ranked.stream().filter(r -> r.id().equals("q1")).findFirst().orElseThrow();
            assertThat(q1.type()).isEqualTo("question");
            assertThat(q1.slug()).isEqualTo("q1");
            assertThat(q1.title()).isEqualTo("Why do kafka offsets reset?");
            assertThat(q1.credits()).isEmpty();

            // other types keep no credits and are still found, by their id
            index.apply(
                    List.of(new IndexDoc(
                            "person:p-ana",
                            "person",
                            null,
                            "Ana",
                            "kafka streams",
                            List.of(),
                            List.of(),
                            List.of(),
                            written)),
                    List.of(),
                    3);
            assertThat(index.topIds("kafka", List.of("person"), 10))
                    .singleElement()
                    .satisfies(p -> {
                        assertThat(p.type()).isEqualTo("person");
                        assertThat(p.id()).isEqualTo("p-ana");
                        assertThat(p.credits()).isEmpty();
                    });
        }
    }

    @Test
    void topIdsWithoutProximityScoreWordsNearEachOtherNoHigherThanWordsApart() {
        try (var index = LoreIndex.open(dir)) {
            // same words, same lengths: only the distance between "consumer" and "lag" differs
            index.apply(
                    List.of(
                            doc("near", "Notes one", "consumer lag alpha beta gamma delta epsilon zeta"),
                            doc("apart", "Notes two", "consumer alpha beta gamma delta epsilon zeta lag")),
                    List.of(),
                    1);

            var withProximity = index.topIds("consumer lag", List.of("article"), 10);
            var without = index.topIds("consumer lag", List.of("article"), 10, false);

            assertThat(withProximity.getFirst().id()).isEqualTo("near");
            assertThat(withProximity.get(0).score())
                    .isGreaterThan(withProximity.get(1).score());
            assertThat(without).hasSize(2);
            assertThat(without.get(0).score()).isEqualTo(without.get(1).score());
        }
    }
}
