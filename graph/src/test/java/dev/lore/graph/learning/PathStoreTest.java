package dev.lore.graph.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.question.Question;
import dev.lore.graph.question.QuestionStore;
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
class PathStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Graph graph;
    private PathStore store;
    private String vpn;
    private String laptop;
    private Question question;

    @BeforeEach
    void setUp(Graph graph) {
        this.graph = graph;
        store = new PathStore(graph);
        People.add(graph, "Streaming", "ana", "ben", "cleo");
        vpn = Articles.add(graph, "ana", "VPN setup", T0).slug();
        laptop = Articles.add(graph, "ana", "Laptop setup", T0).slug();
        question = new QuestionStore(graph)
                .ask(new QuestionStore.NewQuestion("Who approves access?", "Text.", List.of(), "ben", List.of(), T0));
    }

    private static Instant at(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    private static StepInput article(String slug, String prompt) {
        return new StepInput(StepInput.ARTICLE, slug, Optional.ofNullable(prompt));
    }

    private LearningPath firstWeek() {
        return store.create(
                new PathStore.PathInput(
                        "First week",
                        "What a newcomer does first.",
                        "newcomer",
                        Optional.of("Onboarding"),
                        List.of(
                                article(vpn, "Can you reach the wiki from home?"),
                                article(laptop, null),
                                new StepInput(StepInput.QUESTION, question.id(), Optional.empty()))),
                "ana",
                T0);
    }

    @Test
    void aPathKeepsItsStepsInOrderWithTheirTargetsTitles() {
        LearningPath path = firstWeek();

        assertThat(path.steps())
                .extracting(s -> s.n() + " " + s.kind() + " " + s.title())
                .containsExactly("1 article VPN setup", "2 article Laptop setup", "3 question Who approves access?");
        assertThat(path.steps().getFirst().prompt()).contains("Can you reach the wiki from home?");
        assertThat(path.createdBy().id()).isEqualTo("ana");
        assertThat(store.find(path.id())).contains(path);
        assertThat(store.idByTitle("First week")).contains(path.id());
        assertThat(store.unresolved(List.of(article(vpn, null), article("no-such-page", null))))
                .containsExactly(2);
    }

    @Test
    void progressIsPerPersonAndStepAndMarkingAStepDoneFollowsThePath() {
        LearningPath path = firstWeek();

        store.markDone(path.id(), 1, "ben", at(1), Optional.of("Works from home."), Optional.of(true));
        store.markDone(path.id(), 2, "ben", at(2), Optional.empty(), Optional.empty());

        assertThat(store.progress(path.id(), "ben"))
                .extracting(p -> p.n() + " " + p.reflection().orElse("-") + " " + p.shared())
                .containsExactly("1 Works from home. true", "2 - false");
        assertThat(store.progress(path.id(), "cleo")).isEmpty();
        assertThat(store.list(Optional.of("ben"), Optional.empty()))
                .extracting(s -> s.done() + "/" + s.steps() + " " + s.following())
                .containsExactly("2/3 true");
        assertThat(store.find(path.id()).orElseThrow().steps().getFirst().shared())
                .extracting(Reflection::text)
                .containsExactly("Works from home.");

        store.markUndone(path.id(), 1, "ben");

        assertThat(store.progress(path.id(), "ben")).extracting(StepProgress::n).containsExactly(2);
        assertThatThrownBy(() -> store.markDone(path.id(), 9, "ben", at(3), Optional.empty(), Optional.empty()))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void editingAPathKeepsTheProgressOfStepsThatStay() {
        LearningPath path = firstWeek();
        store.markDone(path.id(), 2, "ben", at(1), Optional.of("Done."), Optional.of(false));
        store.markDone(path.id(), 1, "ben", at(1), Optional.empty(), Optional.empty());

        // the laptop step moves to the front; the VPN step goes
        store.update(
                path.id(),
                new PathStore.PathInput(
                        "First week", "Shorter.", "newcomer", Optional.empty(), List.of(article(laptop, null))),
                at(2));

        assertThat(store.progress(path.id(), "ben"))
                .extracting(p -> p.n() + " " + p.reflection().orElse("-"))
                .containsExactly("1 Done.");
        assertThatThrownBy(() -> store.update(
                        "no-such-path",
                        new PathStore.PathInput("X", "", "newcomer", Optional.empty(), List.of()),
                        at(3)))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void aStepFollowsItsArticleThroughARenameAndSaysWhenItIsGone() {
        LearningPath path = firstWeek();
        var articles = new ArticleStore(graph);
        var renamed = articles.update(
                vpn,
                1,
                "remote-access",
                new dev.lore.graph.article.ArticleWrite(
                        "Remote access",
                        "remote-access",
                        "About VPN setup.",
                        List.of(),
                        List.of(),
                        Optional.empty(),
                        List.of(),
                        "",
                        "ana",
                        at(1)));
        articles.delete(laptop, "ana", at(2));

        var steps = store.find(path.id()).orElseThrow().steps();
        assertThat(steps.get(0).ref()).isEqualTo(renamed.slug());
        assertThat(steps.get(0).available()).isTrue();
        assertThat(steps.get(1).available()).isFalse();
        store.markDone(path.id(), 3, "ben", at(3), Optional.empty(), Optional.empty());
        assertThat(store.openSteps(renamed.id(), "ben"))
                .extracting(s -> s.n() + " of " + s.steps())
                .containsExactly("1 of 3");
    }
}
