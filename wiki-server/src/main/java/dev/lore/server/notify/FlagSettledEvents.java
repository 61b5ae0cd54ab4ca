package dev.lore.server.notify;

import dev.lore.graph.moderation.FlagOutcomes.Outcome;
import dev.lore.graph.moderation.FlagOutcomes.Resolved;
import dev.lore.graph.notify.CommentTarget;
import dev.lore.graph.notify.Event;
import dev.lore.graph.notify.EventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inbox entries for a settled flag: the fix request to whoever answers for the content (only
 * when it was sent to them) and the outcome for the person who flagged.
 */
final class FlagSettledEvents {
    private FlagSettledEvents() {}

    static List<Event> of(
            Resolved flag, Outcome outcome, CommentTarget target, String actorId, Optional<String> note, Instant at) {
        String why = note.map(n -> ": " + n).orElse("");
        var events = new ArrayList<Event>();
        if (outcome == Outcome.SENT_TO_OWNER) {
            events.add(Event.of(
                    EventKind.FIX_REQUESTED,
                    actorId,
                    target.title(),
                    target.url(),
                    "Flagged as " + flag.reason() + "; please fix it" + why,
                    List.of(),
                    target.contentAuthorId().map(List::of).orElse(List.of()),
                    at));
        }
        String result = switch (outcome) {
            case DISMISSED -> "Dismissed: a champion found nothing to change";
            case SENT_TO_OWNER -> "Sent to its owner to fix";
            case FIXED -> "Fixed";
            case HIDDEN -> "Hidden: a champion took it down";
        };
        // hidden content withdraws notifications that link to it (Visibility), and the flagger could
        // not open it anyway: that outcome links to the inbox instead
        events.add(Event.of(
                EventKind.FLAG_RESOLVED,
                actorId,
                target.title(),
                outcome == Outcome.HIDDEN ? "/notifications" : target.url(),
                "Your flag (" + flag.reason() + "): " + result + why,
                List.of(),
                List.of(flag.flaggerId()),
                at));
        return events;
    }
}
