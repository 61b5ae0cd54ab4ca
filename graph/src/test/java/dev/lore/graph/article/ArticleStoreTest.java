package dev.lore.graph.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.support.People;
import dev.lore.graph.support.TestGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGraph.class)
class ArticleStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private ArticleStore store;

    @BeforeEach
    void setUp(Graph graph) {
        store = new ArticleStore(graph);
        People.add(graph, "Streaming", "ana", "ben");
    }

    private static ArticleWrite write(String title, String markdown, String author, int hours) {
        return write(title, markdown, List.of(), List.of(), author, hours);
    }

    private static ArticleWrite write(
            String title, String markdown, List<String> skills, List<String> links, String author, int hours) {
        return new ArticleWrite(
                title,
                title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
                markdown,
                List.of("ops"),
                skills,
                Optional.empty(),
                links,
                "saved",
                author,
                T0.plus(Duration.ofHours(hours)));
    }

    @Test
    void createsAnArticleWithItsFirstRevisionAndItsAuthorAsContributor() {
        Article a = store.create(
                "kafka-consumer-groups",
                write("Kafka consumer groups", "Partitions are shared out.", List.of("Kafka"), List.of(), "ana", 0));

        assertThat(a.slug()).isEqualTo("kafka-consumer-groups");
        assertThat(a.revision()).isEqualTo(1);
        assertThat(a.markdown()).isEqualTo("Partitions are shared out.");
        assertThat(a.skills()).containsExactly("Kafka");
        assertThat(a.tags()).containsExactly("ops");
        assertThat(a.createdAt()).isEqualTo(T0);
        assertThat(a.credits()).extracting(Article.Credit::personId).containsExactly("ana");
        assertThat(a.credits().getFirst().share()).isEqualTo(1.0);
        assertThat(store.find("kafka-consumer-groups")).contains(a);
        assertThat(store.revisions(a.slug()))
                .extracting(r -> r.number() + " " + r.author().id())
                .containsExactly("1 ana");
    }

    @Test
    void aSecondArticleWithTheSameTitleGetsTheNextFreeSlug() {
        store.create("runbook", write("Runbook", "First.", "ana", 0));
        Article second = store.create("runbook", write("Runbook", "Second.", "ben", 1));
        Article third = store.create("runbook", write("Runbook", "Third.", "ben", 2));

        assertThat(second.slug()).isEqualTo("runbook-2");
        assertThat(third.slug()).isEqualTo("runbook-3");
        assertThat(store.countLive()).isEqualTo(3);
    }

    @Test
    void anEditAddsARevisionAndCreditsTheEditorWithTheLinesTheyWrote() {
        Article a = store.create("deploys", write("Deploys", "Build the image.\nPush the image.", "ana", 0));

        Article edited = store.update(
                a.slug(), 1, "deploys", write("Deploys", "Build the image.\nPush the image.\nRoll out.", "ben", 1));

        assertThat(edited.revision()).isEqualTo(2);
        assertThat(edited.updatedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(store.revisions(a.slug())).hasSize(2);
        assertThat(store.revision(a.slug(), 1).orElseThrow().markdown()).isEqualTo("Build the image.\nPush the image.");
        assertThat(store.contributors(a.id()))
                .extracting(c -> c.id() + " " + c.edits())
                .containsExactlyInAnyOrder("ana 1", "ben 1");
        double anaShare = edited.credits().stream()
                .filter(c -> c.personId().equals("ana"))
                .findFirst()
                .orElseThrow()
                .share();
        assertThat(anaShare).isGreaterThan(0.5).isLessThan(1.0);
        assertThat(edited.seq()).isGreaterThan(a.seq());
    }

    @Test
    void rejectsEditOnStaleRevision() {
        Article a = store.create("deploys", write("Deploys", "Build the image.", "ana", 0));
        store.update(a.slug(), 1, "deploys", write("Deploys", "Build and sign the image.", "ben", 1));

        assertThatThrownBy(() -> store.update(a.slug(), 1, "deploys", write("Deploys", "Build it somehow.", "ana", 2)))
                .isInstanceOfSatisfying(StaleRevisionException.class, e -> {
                    assertThat(e.baseRevision()).isEqualTo(1);
                    assertThat(e.currentRevision()).isEqualTo(2);
                });
        assertThat(store.find(a.slug()).orElseThrow().markdown()).isEqualTo("Build and sign the image.");
        assertThat(store.revisions(a.slug())).hasSize(2);
    }

    @Test
    void aSaveThatChangesNothingWritesNoRevision() {
        Article a = store.create("deploys", write("Deploys", "Build the image.", "ana", 0));

        Article same = store.update(a.slug(), 1, "deploys", write("Deploys", "Build the image.", "ben", 1));

        assertThat(same.revision()).isEqualTo(1);
        assertThat(store.revisions(a.slug())).hasSize(1);
    }

    @Test
    void renamingMovesTheArticleAndLeavesARedirectFromTheOldSlug() {
        Article a = store.create("deploys", write("Deploys", "Build the image.", "ana", 0));

        Article renamed = store.update(
                "deploys", 1, "shipping-releases", write("Shipping releases", "Build the image.", "ana", 1));

        assertThat(renamed.slug()).isEqualTo("shipping-releases");
        assertThat(store.find("deploys")).isEmpty();
        assertThat(store.redirectTarget("deploys")).contains("shipping-releases");
        // an edit through the old name reaches the article
        Article again = store.update(
                "deploys", 2, "shipping-releases", write("Shipping releases", "Build and sign the image.", "ben", 2));
        assertThat(again.id()).isEqualTo(a.id());
        assertThat(again.revision()).isEqualTo(3);
        // the old name stays reserved for the redirect; the article itself can take it back
        assertThat(store.create("deploys", write("Deploys", "A new page.", "ben", 3))
                        .slug())
                .isEqualTo("deploys-2");
        assertThat(store.redirectTarget("deploys")).contains("shipping-releases");
        Article back = store.update(
                "shipping-releases", 3, "deploys", write("Deploys", "Build and sign the image.", "ana", 4));
        assertThat(back.slug()).isEqualTo("deploys");
        assertThat(store.redirectTarget("shipping-releases")).contains("deploys");
    }

    @Test
    void deletingReleasesTheSlugAndKeepsTheHistory() {
        Article a = store.create("deploys", write("Deploys", "Build the image.", "ana", 0));
        store.update("deploys", 1, "shipping", write("Shipping", "Build the image.", "ana", 1));

        store.delete("deploys", "ben", T0.plus(Duration.ofHours(2)));

        assertThat(store.find("shipping")).isEmpty();
        assertThat(store.redirectTarget("deploys")).isEmpty();
        assertThat(store.countLive()).isZero();
        assertThat(store.revisions("deleted:" + a.id())).hasSize(2);
        assertThat(store.create("shipping", write("Shipping", "Again.", "ben", 3))
                        .slug())
                .isEqualTo("shipping");
        List<Article> changes = store.changesSince(0, 100);
        assertThat(changes).filteredOn(Article::deleted).extracting(Article::id).containsExactly(a.id());
    }

    @Test
    void writesByUnknownPeopleOrToUnknownPagesAreRefused() {
        assertThatThrownBy(() -> store.create("x", write("X", "Text.", "nobody", 0)))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> store.update("missing", 1, "missing", write("Missing", "Text.", "ana", 0)))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> store.delete("missing", "ana", T0)).isInstanceOf(NoSuchEntityException.class);
        assertThat(store.countLive()).isZero();
    }

    @Test
    void aWikiLinkToAPageWrittenLaterBecomesABacklinkWhenItIsWritten() {
        Article from = store.create(
                "on-call",
                write("On call", "See [[Incident review]].", List.of(), List.of("incident-review"), "ana", 0));

        Article target = store.create("incident-review", write("Incident review", "What happened.", "ben", 1));

        assertThat(store.backlinks(target.id()))
                .extracting(ArticleSummary::slug)
                .containsExactly(from.slug());
        assertThat(store.resolveLinks(List.of("incident-review", "nowhere")))
                .isEqualTo(Map.of("incident-review", "incident-review"));
    }

    @Test
    void changesComeInSequenceOrderFromWhereTheIndexLeftOff() {
        Article first = store.create("one", write("One", "First.", List.of("Kafka"), List.of(), "ana", 0));
        Article second = store.create("two", write("Two", "Second.", "ana", 1));

        assertThat(store.changesSince(0, 10)).extracting(Article::slug).containsExactly("one", "two");
        assertThat(store.changesSince(first.seq(), 10))
                .extracting(Article::slug)
                .containsExactly("two");
        assertThat(store.currentSeq()).isEqualTo(second.seq());
        assertThat(store.skillChangesSince(0, 10))
                .extracting(s -> s.name() + " " + s.articles())
                .containsExactly("Kafka 1");
    }

    @Test
    void aBulkWriteCreatesEveryArticleUnderOneChangeNumber() {
        List<Article> created = store.createBatch(List.of(
                Map.entry("alpha", write("Alpha", "A.", "ana", 0)),
                Map.entry("alpha", write("Alpha", "B.", "ben", 0)),
                Map.entry("beta", write("Beta", "C.", "ana", 0))));

        assertThat(created).extracting(Article::slug).containsExactly("alpha", "alpha-2", "beta");
        assertThat(created)
                .extracting(Article::seq)
                .containsOnly(created.getFirst().seq());
        assertThat(store.list(0, 10)).hasSize(3);
        assertThat(store.contributedBy("ben", 10))
                .extracting(ArticleSummary::slug)
                .containsExactly("alpha-2");
    }
}
