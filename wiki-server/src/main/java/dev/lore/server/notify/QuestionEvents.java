package dev.lore.server.notify;

import dev.lore.graph.notify.AutoWatch;
import dev.lore.graph.notify.Event;
import dev.lore.graph.notify.EventKind;
import dev.lore.graph.notify.Subject;
import dev.lore.graph.notify.WatchKind;
import dev.lore.graph.question.Answer;
import dev.lore.graph.question.AnswerRef;
import dev.lore.graph.question.Question;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The events of questions and answers: asked, routed further, answered, accepted, learned from.
 * Where one happening makes several events, each takes its own instant from the clock, in order.
 */
final class QuestionEvents {
    private QuestionEvents() {}

    /** The experts asked hear, and so do the watchers of the asker and of the question's skills. */
    static List<Event> asked(Question q, Clock clock) {
        String actor = q.asker().id();
        String url = "/questions/" + q.id();
        var watched = new ArrayList<Subject>();
        watched.add(new Subject(WatchKind.PERSON, actor));
        q.skills().forEach(s -> Notifier.skill(s).ifPresent(watched::add));
        Subject question = new Subject(WatchKind.QUESTION, q.id());
        return List.of(
                Event.of(
                                EventKind.QUESTION_ROUTED,
                                actor,
                                q.title(),
                                url,
                                Notifier.excerpt(q.markdown()),
                                List.of(),
                                q.askedOf().stream().map(p -> p.id()).toList(),
                                clock.instant())
                        .watching(question, AutoWatch.ASK),
                Event.of(
                        EventKind.NEW_QUESTION,
                        actor,
                        q.title(),
                        url,
                        Notifier.excerpt(q.markdown()),
                        watched,
                        List.of(),
                        clock.instant()));
    }

    /** {@code people} are asked too, and the asker hears whom Lore asked on their behalf. */
    static List<Event> routedFurther(Question q, List<String> people, Clock clock) {
        String url = "/questions/" + q.id();
        String names = q.askedOf().stream()
                .filter(p -> people.contains(p.id()))
                .map(p -> p.name())
                .collect(Collectors.joining(", "));
        return List.of(
                Event.of(
                        EventKind.QUESTION_ROUTED,
                        q.asker().id(),
                        q.title(),
                        url,
                        Notifier.excerpt(q.markdown()),
                        List.of(),
                        people,
                        clock.instant()),
                Event.of(
                        EventKind.QUESTION_ROUTED_FURTHER,
                        Notifier.SYSTEM,
                        q.title(),
                        url,
                        "No answer yet, so Lore also asked " + names,
                        List.of(),
                        List.of(q.asker().id()),
                        clock.instant()));
    }

    /** The question's watchers and its asker hear; {@code question} is its title and asker, if it exists. */
    static Event answered(Answer a, Optional<Map.Entry<String, String>> question, Instant at) {
        Subject subject = new Subject(WatchKind.QUESTION, a.questionId());
        return Event.of(
                        EventKind.ANSWER,
                        a.author().id(),
                        question.map(e -> e.getKey()).orElse(""),
                        "/questions/" + a.questionId(),
                        Notifier.excerpt(a.markdown()),
                        List.of(subject),
                        question.map(e -> List.of(e.getValue())).orElse(List.of()),
                        at)
                .watching(subject, AutoWatch.ANSWER)
                .aboutAnswer(a.id());
    }

    static Event accepted(AnswerRef ref, String actorId, Instant at) {
        return Event.of(
                        EventKind.ANSWER_ACCEPTED,
                        actorId,
                        ref.questionTitle(),
                        "/questions/" + ref.questionId(),
                        "",
                        List.of(),
                        List.of(ref.authorId()),
                        at)
                .aboutAnswer(ref.answerId());
    }

    static Event voted(AnswerRef ref, String actorId, String note, Instant at) {
        return Event.of(
                        EventKind.ANSWER_VOTED,
                        actorId,
                        ref.questionTitle(),
                        "/questions/" + ref.questionId(),
                        note,
                        List.of(),
                        List.of(ref.authorId()),
                        at)
                .collapsedBy("vote:" + ref.answerId())
                .aboutAnswer(ref.answerId());
    }
}
