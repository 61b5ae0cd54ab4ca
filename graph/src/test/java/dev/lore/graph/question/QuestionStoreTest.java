package dev.lore.graph.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.PersonRef;
import dev.lore.graph.support.People;
import dev.lore.graph.support.TestGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGraph.class)
class QuestionStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private QuestionStore store;
    private CommentStore comments;

    @BeforeEach
    void setUp(Graph graph) {
        store = new QuestionStore(graph);
        comments = new CommentStore(graph);
        People.add(graph, "Streaming", "ana", "ben", "cleo");
    }

    private static Instant at(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    private Question ask(String title) {
        return store.ask(new QuestionStore.NewQuestion(
                title, "How do I do it?", List.of("Kafka"), "ben", List.of("ana"), at(0)));
    }

    @Test
    void aQuestionIsSavedWithItsSkillsAndThePeopleItIsAskedOf() {
        Question q = ask("How do consumer groups rebalance?");

        assertThat(q.title()).isEqualTo("How do consumer groups rebalance?");
        assertThat(q.asker()).isEqualTo(new PersonRef("ben", "Ben"));
        assertThat(q.skills()).containsExactly("Kafka");
        assertThat(q.askedOf()).extracting(PersonRef::id).containsExactly("ana");
        assertThat(q.answers()).isEmpty();
        assertThat(q.acceptedAnswerId()).isEmpty();
        assertThat(store.find(q.id())).contains(q);
        assertThat(store.askedOf("ana", 10)).extracting(QuestionSummary::id).containsExactly(q.id());
        assertThatThrownBy(() -> store.ask(
                        new QuestionStore.NewQuestion("Who?", "Text.", List.of(), "nobody", List.of(), at(0))))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void answersAreListedWithTheQuestionAndMoveItsChangeNumber() {
        Question q = ask("How do consumer groups rebalance?");

        Answer answer = store.answer(q.id(), "ana", "Members join and partitions move.", at(1));

        Question answered = store.find(q.id()).orElseThrow();
        assertThat(answered.answers()).extracting(Answer::id).containsExactly(answer.id());
        assertThat(answer.author().id()).isEqualTo("ana");
        assertThat(answered.updatedAt()).isEqualTo(at(1));
        assertThat(answered.seq()).isGreaterThan(q.seq());
        assertThat(store.answer(answer.id()).orElseThrow().askerId()).isEqualTo("ben");
        assertThatThrownBy(() -> store.answer("no-such-question", "ana", "Text.", at(1)))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void aPersonVotesForAnAnswerOnce() {
        Question q = ask("How do consumer groups rebalance?");
        Answer answer = store.answer(q.id(), "ana", "Members join and partitions move.", at(1));

        assertThat(store.vote(answer.id(), "ben", at(2))).contains(1);
        assertThat(store.vote(answer.id(), "ben", at(3))).isEmpty();
        assertThat(store.vote(answer.id(), "cleo", at(3))).contains(2);

        Answer voted = store.find(q.id()).orElseThrow().answers().getFirst();
        assertThat(voted.voterIds()).containsExactlyInAnyOrder("ben", "cleo");
        assertThat(voted.helpful()).isEqualTo(2);
        assertThatThrownBy(() -> store.vote("no-such-answer", "ben", at(3))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void acceptingAnAnswerUnacceptsTheOneAcceptedBefore() {
        Question q = ask("How do consumer groups rebalance?");
        Answer first = store.answer(q.id(), "ana", "Members join.", at(1));
        Answer second = store.answer(q.id(), "cleo", "Partitions move between members.", at(2));

        store.accept(first.id(), at(3));
        store.accept(second.id(), at(4));

        Question accepted = store.find(q.id()).orElseThrow();
        assertThat(accepted.acceptedAnswerId()).contains(second.id());
        assertThat(accepted.answers())
                .extracting(a -> a.author().id() + " " + a.accepted())
                .containsExactlyInAnyOrder("ana false", "cleo true");
        assertThat(store.list(true, 0, 10)).isEmpty();
        assertThat(store.list(false, 0, 10))
                .extracting(s -> s.answers() + " " + s.accepted())
                .containsExactly("2 true");
        assertThatThrownBy(() -> store.accept("no-such-answer", at(5))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void commentsAttachToQuestionsAndAnswers() {
        Question q = ask("How do consumer groups rebalance?");
        Answer answer = store.answer(q.id(), "ana", "Members join.", at(1));

        Comment onQuestion = comments.comment("question", q.id(), "cleo", "Which client version?", at(2));
        Comment onAnswer = comments.comment("answer", answer.id(), "ben", "Thanks, that helped.", at(3));

        Question withComments = store.find(q.id()).orElseThrow();
        assertThat(withComments.comments()).extracting(Comment::id).containsExactly(onQuestion.id());
        assertThat(withComments.answers().getFirst().comments())
                .extracting(Comment::id)
                .containsExactly(onAnswer.id());
        assertThat(store.changesSince(0, 10).getFirst().comments())
                .contains("Which client version?", "Thanks, that helped.");
        assertThatThrownBy(() -> comments.comment("question", "no-such-question", "ben", "Hm.", at(4)))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> comments.comment("person", "ana", "ben", "Hm.", at(4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unansweredQuestionsAreListedNewestFirst() {
        Question older = ask("First question?");
        Question newer = store.ask(
                new QuestionStore.NewQuestion("Second question?", "Text.", List.of(), "cleo", List.of(), at(5)));
        store.answer(older.id(), "ana", "An answer.", at(6));

        assertThat(store.list(true, 0, 10)).extracting(QuestionSummary::id).containsExactly(newer.id());
        assertThat(store.list(false, 0, 10)).extracting(QuestionSummary::id).containsExactly(newer.id(), older.id());
    }

    @Test
    void aQuestionDueOnTwoServersIsRoutedFurtherByOneOnly() {
        Question q = store.askDirectly(
                new QuestionStore.NewQuestion(
                        "Who owns the brokers?", "Text.", List.of("Kafka"), "ben", List.of("ana"), at(0)),
                at(1));
        // both servers list it as due before either routes it
        assertThat(store.dueToRouteFurther(at(2), 10))
                .extracting(QuestionStore.Due::questionId)
                .containsExactly(q.id());
        assertThat(store.dueToRouteFurther(at(2), 10))
                .extracting(QuestionStore.Due::questionId)
                .containsExactly(q.id());

        assertThat(store.routeFurther(q.id(), List.of("cleo"), at(2))).isPresent();
        assertThat(store.routeFurther(q.id(), List.of("cleo"), at(2))).isEmpty();

        assertThat(store.find(q.id()).orElseThrow().askedOf())
                .extracting(PersonRef::id)
                .containsExactly("ana", "cleo");
        assertThat(store.dueToRouteFurther(at(3), 10)).isEmpty();
    }
}
