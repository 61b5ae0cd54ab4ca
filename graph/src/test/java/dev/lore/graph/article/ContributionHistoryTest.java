package dev.lore.graph.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.Graph;
import dev.lore.graph.support.People;
import dev.lore.graph.support.TestGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGraph.class)
class ContributionHistoryTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String FIRST = "# Consumer groups\n\nPartitions are shared out.\nOffsets are committed.\n";
    private static final String SECOND =
            "# Consumer groups\n\nPartitions are shared out by the coordinator.\nOffsets are committed.\n\nRebalances pause work.\n";
    private static final String THIRD = "# Consumer groups\n\nRebalances pause work.\n";

    private Graph graph;
    private ArticleStore store;
    private ContributionHistory history;

    @BeforeEach
    void setUp(Graph graph) {
        this.graph = graph;
        store = new ArticleStore(graph);
        history = new ContributionHistory(graph);
        People.add(graph, "Streaming", "ana", "ben", "cem");
    }

    private static ArticleWrite write(String title, String markdown, String author, int hours) {
        return new ArticleWrite(
                title,
                title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
                markdown,
                List.of(),
                List.of(),
                Optional.empty(),
                List.of(),
                "saved",
                author,
                T0.plus(Duration.ofHours(hours)));
    }

    /** ana writes three lines, ben changes one and adds one, ana removes two of the three that were left. */
    private String savedOneByOne(String title) {
        Article a = store.create(title.toLowerCase(java.util.Locale.ROOT), write(title, FIRST, "ana", 0));
        store.update(a.slug(), 1, a.slug(), write(title, SECOND, "ben", 24));
        store.update(a.slug(), 2, a.slug(), write(title, THIRD, "ana", 48));
        return a.id();
    }

    @Test
    void aSaveAddsTheLinesItAddedAndRemovedToItsAuthor() {
        String id = savedOneByOne("Kafka");

        assertThat(history.of(id))
                .containsExactly(
                        new ContributionHistory.Totals("ana", 3, 2, 2, 0.5, T0, T0.plus(Duration.ofHours(48))),
                        new ContributionHistory.Totals(
                                "ben", 2, 1, 1, 0.5, T0.plus(Duration.ofHours(24)), T0.plus(Duration.ofHours(24))));
    }

    @Test
    void someoneWhoseLinesWereAllRewrittenKeepsWhatTheyAdded() {
        Article a =
                store.create("runbook", write("Runbook", "Restart the broker first.\nThen the consumers.\n", "ana", 0));
        store.update("runbook", 1, "runbook", write("Runbook", "Drain the partitions.\n", "ben", 1));

        assertThat(history.of(a.id()))
                .extracting(t -> t.personId() + " +" + t.added() + " -" + t.removed() + " " + t.share())
                .containsExactly("ana +2 -0 0.0", "ben +1 -2 1.0");
    }

    @Test
    void aBatchedHistoryKeepsTheSameTotalsAsSavingOneByOne() {
        String oneByOne = savedOneByOne("Kafka");
        String batched = store.inOneTransaction(() -> {
            HistoryBatch batch = store.historyBatch();
            String id = batch.create("kafka-batched", write("Kafka batched", FIRST, "ana", 0))
                    .id();
            batch.update(id, write("Kafka batched", SECOND, "ben", 24));
            batch.flush(); // a batch boundary between two saves of the same article
            batch.update(id, write("Kafka batched", THIRD, "ana", 48));
            batch.flush();
            return id;
        });

        assertThat(history.of(batched)).isEqualTo(history.of(oneByOne));
    }

    @Test
    void theBackfillComputesWhatTheSavesWouldHaveKeptAndThenFindsNothingToDo() {
        String first = savedOneByOne("Kafka");
        String second = savedOneByOne("Flink");
        store.create("notes", write("Notes", "Only one line here.\n", "cem", 5));
        var before = List.of(history.of(first), history.of(second));
        graph.write(tx ->
                tx.run("MATCH ()-[c:CONTRIBUTED]->() REMOVE c.added, c.removed").consume());
        var told = new ArrayList<String>();

        int recomputed = history.backfill((done, total) -> told.add(done + "/" + total));

        assertThat(recomputed).isEqualTo(3);
        assertThat(told).containsExactly("3/3");
        assertThat(List.of(history.of(first), history.of(second))).isEqualTo(before);
        assertThat(history.backfill((done, total) -> told.add("again"))).isZero();
        assertThat(told).containsExactly("3/3");
    }

    @Test
    void aSaveOnAContributionFromBeforeTheTotalsLeavesItToTheBackfill() {
        String id = savedOneByOne("Kafka");
        var before = history.of(id);
        graph.write(tx ->
                tx.run("MATCH ()-[c:CONTRIBUTED]->() REMOVE c.added, c.removed").consume());
        store.update("kafka", 3, "kafka", write("Kafka", THIRD + "One more line for ana.\n", "ana", 72));

        history.backfill((done, total) -> {});

        assertThat(history.of(id))
                .extracting(t -> t.personId() + " +" + t.added() + " -" + t.removed())
                .containsExactly(
                        "ana +" + (before.get(0).added() + 1) + " -"
                                + before.get(0).removed(),
                        "ben +" + before.get(1).added() + " -" + before.get(1).removed());
    }
}
