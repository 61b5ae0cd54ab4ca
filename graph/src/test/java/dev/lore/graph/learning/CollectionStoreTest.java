package dev.lore.graph.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.Graph;
import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.article.ArticleWrite;
import dev.lore.graph.expertise.SkillNames;
import dev.lore.graph.support.Articles;
import dev.lore.graph.support.People;
import dev.lore.graph.support.TestGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGraph.class)
class CollectionStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Graph graph;
    private CollectionStore store;

    @BeforeEach
    void setUp(Graph graph) {
        this.graph = graph;
        store = new CollectionStore(graph);
        People.add(graph, "Streaming", "ana");
        Articles.add(graph, "ana", "Consumer groups", T0);
        Articles.add(graph, "ana", "Producer retries", T0);
        Articles.add(graph, "ana", "Lunch menu", T0);
    }

    private static Instant at(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    private FeaturedCollection kafka(boolean onHome, Instant at) {
        return store.create(
                new CollectionStore.CollectionInput(
                        "Kafka essentials",
                        "Start here.",
                        Optional.of("Kafka"),
                        onHome,
                        List.of("producer-retries", "consumer-groups")),
                "ana",
                at);
    }

    @Test
    void aCollectionKeepsItsArticlesInTheChampionsOrder() {
        FeaturedCollection c = kafka(true, T0);

        assertThat(c.articles())
                .extracting(FeaturedCollection.Featured::slug)
                .containsExactly("producer-retries", "consumer-groups");
        assertThat(c.skill()).contains("Kafka");
        assertThat(store.find(c.id())).contains(c);
        assertThat(store.idByTitle("Kafka essentials")).contains(c.id());
        assertThat(store.unresolved(List.of("consumer-groups", "no-such-page"))).containsExactly("no-such-page");
    }

    @Test
    void anUpdateReplacesFieldsAndArticles() {
        FeaturedCollection c = kafka(true, T0);

        FeaturedCollection updated = store.update(
                c.id(),
                new CollectionStore.CollectionInput(
                        "Kafka basics", "Shorter.", Optional.empty(), false, List.of("consumer-groups")),
                at(1));

        assertThat(updated.title()).isEqualTo("Kafka basics");
        assertThat(updated.onHome()).isFalse();
        assertThat(updated.skill()).isEmpty();
        assertThat(updated.articles())
                .extracting(FeaturedCollection.Featured::slug)
                .containsExactly("consumer-groups");
    }

    @Test
    void theHomePageAndSkillPagesListOnlyTheirCollectionsNewestFirst() {
        FeaturedCollection older = kafka(true, T0);
        FeaturedCollection hidden = kafka(false, at(1));
        FeaturedCollection other = store.create(
                new CollectionStore.CollectionInput("Food", "", Optional.empty(), true, List.of("lunch-menu")),
                "ana",
                at(2));

        assertThat(store.list(false, Optional.empty()))
                .extracting(FeaturedCollection::id)
                .containsExactly(other.id(), hidden.id(), older.id());
        assertThat(store.list(true, Optional.empty()))
                .extracting(FeaturedCollection::id)
                .containsExactly(other.id(), older.id());
        assertThat(store.list(false, Optional.of(SkillNames.key("kafka"))))
                .extracting(FeaturedCollection::id)
                .containsExactly(hidden.id(), older.id());
    }

    @Test
    void aRenamedArticleStaysInTheCollectionUnderItsNewSlugAndDeletingTheCollectionKeepsIt() {
        FeaturedCollection c = kafka(true, T0);
        new ArticleStore(graph)
                .update(
                        "consumer-groups",
                        1,
                        "consumer-group-rebalancing",
                        new ArticleWrite(
                                "Consumer group rebalancing",
                                "consumer-group-rebalancing",
                                "About Consumer groups.",
                                List.of(),
                                List.of(),
                                Optional.empty(),
                                List.of(),
                                "",
                                "ana",
                                at(1)));

        assertThat(store.find(c.id()).orElseThrow().articles())
                .extracting(FeaturedCollection.Featured::slug)
                .containsExactly("producer-retries", "consumer-group-rebalancing");

        assertThat(store.delete(c.id())).isTrue();
        assertThat(store.delete(c.id())).isFalse();
        assertThat(store.find(c.id())).isEmpty();
        assertThat(new ArticleStore(graph).find("consumer-group-rebalancing")).isPresent();
    }
}
