package dev.lore.graph.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.question.Answer;
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
class ModerationStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Graph graph;
    private ModerationStore store;

    @BeforeEach
    void setUp(Graph graph) {
        this.graph = graph;
        store = new ModerationStore(graph);
        People.add(graph, "Streaming", "ana", "ben", "cleo", "champ");
    }

    private static Instant at(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    @Test
    void aPersonHasOneOpenFlagPerItemAndTheQueueGroupsFlagsByItem() {
        String slug = Articles.add(graph, "ana", "Free crypto", T0).slug();

        assertThat(store.flag("article", slug, "ben", "spam", Optional.of("ads"), at(1)))
                .isPresent();
        assertThat(store.flag("article", slug, "ben", "spam", Optional.empty(), at(2)))
                .isEmpty();
        assertThat(store.flag("article", slug, "cleo", "offensive", Optional.empty(), at(3)))
                .isPresent();

        List<QueueItem> queue = store.queue(10);
        assertThat(queue).hasSize(1);
        assertThat(queue.getFirst().targetId()).isEqualTo(slug);
        assertThat(queue.getFirst().count()).isEqualTo(2);
        assertThat(queue.getFirst().reasons()).containsEntry("spam", 1L).containsEntry("offensive", 1L);
        assertThatThrownBy(() -> store.flag("article", "no-such-page", "ben", "spam", Optional.empty(), at(4)))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void hidingAnArticleTakesItFromReadersResolvesItsFlagsAndIsAudited() {
        String slug = Articles.add(graph, "ana", "Free crypto", T0).slug();
        store.flag("article", slug, "ben", "spam", Optional.empty(), at(1));

        store.hide("article", slug, "champ", "spam", at(2));

        var articles = new ArticleStore(graph);
        assertThat(articles.find(slug)).isEmpty();
        assertThat(articles.findIncludingHidden(slug).orElseThrow().hidden()).isTrue();
        assertThat(store.queue(10)).isEmpty();
        assertThat(store.hidden("article", slug)).map(Hidden::reason).contains("spam");
        assertThat(store.hiddenContent(10, 100)).extracting(HiddenItem::target).containsExactly(slug);
        // hidden content cannot be flagged again, but can be restored
        assertThatThrownBy(() -> store.flag("article", slug, "cleo", "spam", Optional.empty(), at(3)))
                .isInstanceOf(NoSuchEntityException.class);

        store.restore("article", slug, "champ", "a false alarm", at(4));

        assertThat(articles.find(slug)).isPresent();
        assertThat(store.hidden("article", slug)).isEmpty();
        assertThat(store.audit(10))
                .extracting(e -> e.action() + " " + e.targetKind() + " " + e.actor())
                .containsExactly("restore article champ", "hide article champ", "flag article ben");
    }

    @Test
    void hidingAnAnswerLeavesItsQuestionVisible() {
        var questions = new QuestionStore(graph);
        Question q = questions.ask(
                new QuestionStore.NewQuestion("Where is the VPN guide?", "Text.", List.of(), "ben", List.of(), T0));
        Answer answer = questions.answer(q.id(), "ana", "Buy my course.", at(1));

        store.hide("answer", answer.id(), "champ", "spam", at(2));

        assertThat(questions.find(q.id())).isPresent();
        assertThat(questions.answer(answer.id())).isEmpty();
        assertThatThrownBy(() -> questions.vote(answer.id(), "cleo", at(3))).isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> store.hide("question", "no-such-question", "champ", "spam", at(3)))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void aDismissedFlagLeavesTheContentAndCannotBeDismissedTwice() {
        String slug = Articles.add(graph, "ana", "Lunch menu", T0).slug();
        Flag flag = store.flag("article", slug, "ben", "off-topic", Optional.empty(), at(1))
                .orElseThrow();

        assertThat(store.dismiss(flag.id(), "champ", Optional.of("it is on topic"), at(2)))
                .isTrue();
        assertThat(store.dismiss(flag.id(), "champ", Optional.empty(), at(3))).isFalse();

        assertThat(store.queue(10)).isEmpty();
        assertThat(new ArticleStore(graph).find(slug)).isPresent();
        assertThat(store.audit(10).getFirst().reason()).contains("it is on topic");
        assertThatThrownBy(() -> store.dismiss("no-such-flag", "champ", Optional.empty(), at(4)))
                .isInstanceOf(NoSuchEntityException.class);
    }
}
