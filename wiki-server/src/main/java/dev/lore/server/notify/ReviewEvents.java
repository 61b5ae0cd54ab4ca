package dev.lore.server.notify;

import dev.lore.graph.moderation.Flag;
import dev.lore.graph.notify.CommentTarget;
import dev.lore.graph.notify.Event;
import dev.lore.graph.notify.EventKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The events of reviewing content: suggested edits, flags and lessons waiting for a champion. */
final class ReviewEvents {
    private ReviewEvents() {}

    static Event editSuggested(
            String actorId, String pageTitle, String ownerId, String suggestionId, String message, Instant at) {
        return Event.of(
                EventKind.EDIT_SUGGESTED,
                actorId,
                pageTitle,
                "/suggestions/" + suggestionId,
                message,
                List.of(),
                List.of(ownerId),
                at);
    }

    static Event suggestionDecided(
            boolean accepted,
            String deciderId,
            String proposerId,
            String pageTitle,
            String suggestionId,
            String note,
            Instant at) {
        return Event.of(
                accepted ? EventKind.SUGGESTION_ACCEPTED : EventKind.SUGGESTION_DECLINED,
                deciderId,
                pageTitle,
                "/suggestions/" + suggestionId,
                note,
                List.of(),
                List.of(proposerId),
                at);
    }

    /** The flagged content's author hears, and {@code champions} see a new item in the review queue. */
    static List<Event> flagged(Flag flag, CommentTarget target, List<String> champions, Clock clock) {
        Optional<String> answer = flag.targetKind().equals("answer") ? Optional.of(flag.targetId()) : Optional.empty();
        String actor = flag.by().id();
        Event owner = Event.of(
                EventKind.FLAGGED,
                actor,
                target.title(),
                target.url(),
                "Flagged as " + flag.reason(),
                List.of(),
                target.contentAuthorId().map(List::of).orElse(List.of()),
                clock.instant());
        Event queue = Event.of(
                        EventKind.REVIEW_FLAG,
                        actor,
                        target.title(),
                        "/moderation",
                        "Flagged as " + flag.reason() + " (" + flag.targetKind() + ")",
                        List.of(),
                        champions,
                        clock.instant())
                .collapsedBy("review-queue");
        return List.of(answer.map(owner::aboutAnswer).orElse(owner), queue);
    }

    static Event lessonForReview(String actorId, String title, List<String> champions, Instant at) {
        return Event.of(
                        EventKind.LESSON_REVIEW,
                        actorId,
                        title,
                        "/lessons/review",
                        "A lesson learned waits for a champion to look first",
                        List.of(),
                        champions,
                        at)
                .collapsedBy("lesson-review");
    }
}
