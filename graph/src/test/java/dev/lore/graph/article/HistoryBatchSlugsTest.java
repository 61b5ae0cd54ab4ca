package dev.lore.graph.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.Graph;
import dev.lore.graph.support.People;
import dev.lore.graph.support.TestGraph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** New pages of a {@link HistoryBatch}: slugs chosen in memory, nodes written with the batch. */
@ExtendWith(TestGraph.class)
class HistoryBatchSlugsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Graph graph;
    private ArticleStore store;

    @BeforeEach
    void setUp(Graph graph) {
        this.graph = graph;
        store = new ArticleStore(graph);
        People.add(graph, "Streaming", "ana");
    }

    private static ArticleWrite write(String title) {
        return new ArticleWrite(
                title,
                title.toLowerCase(Locale.ROOT).replace(' ', '-'),
                "# " + title + "\n\nSome text.\n",
                List.of(),
                List.of(),
                Optional.empty(),
                List.of(),
                "saved",
                "ana",
                T0);
    }

    private long articlesCalled(String slug) {
        return graph.read(
                tx -> tx.run("MATCH (a:Article {slug: $slug}) RETURN count(a) AS n", java.util.Map.of("slug", slug))
                        .single()
                        .get("n")
                        .asLong());
    }

    @Test
    void newPagesTakeTheSlugsSavingThemOneByOneGives() {
        // taken before the batch: an article, and a redirect left by a rename
        store.create("setup", write("Setup"));
        Article moved = store.create("guide", write("Guide"));
        store.update("guide", 1, "guide-old", write("Guide old"));
        assertThat(store.find("guide-old")).map(Article::id).contains(moved.id());

        List<String> slugs = store.inOneTransaction(() -> {
            HistoryBatch batch = store.historyBatch();
            batch.preloadSlugs(List.of("setup", "guide", "notes"));
            var out = new ArrayList<String>();
            out.add(batch.create("setup", write("Setup")).slug()); // setup-2
            out.add(batch.create("setup", write("Setup")).slug()); // setup-3: taken earlier in the batch
            out.add(batch.create("guide", write("Guide")).slug()); // guide-2: the redirect holds guide
            out.add(batch.create("notes", write("Notes")).slug());
            String deleted = batch.create("faq", write("FAQ")).id(); // not preloaded: read when created
            out.add(batch.current(deleted).orElseThrow().slug());
            batch.delete(deleted, "ana", T0);
            out.add(batch.create("faq", write("FAQ")).slug()); // the deleted page's slug is free again
            batch.flush();
            return out;
        });

        assertThat(slugs).containsExactly("setup-2", "setup-3", "guide-2", "notes", "faq", "faq");
        assertThat(store.find("setup-3")).map(Article::title).contains("Setup");
        assertThat(store.find("faq")).map(Article::revision).contains(1);
    }

    @Test
    void aNewPageIsWrittenWithTheBatchNotOnItsOwn() {
        store.inOneTransaction(() -> {
            HistoryBatch batch = store.historyBatch();
            batch.preloadSlugs(List.of("kafka"));
            batch.create("kafka", write("Kafka"));
            assertThat(articlesCalled("kafka")).as("before the batch writes").isZero();
            batch.flush();
            assertThat(articlesCalled("kafka")).as("after").isEqualTo(1);
            return null;
        });
        assertThat(store.find("kafka")).map(Article::title).contains("Kafka");
    }
}
