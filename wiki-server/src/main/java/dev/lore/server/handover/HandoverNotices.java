package dev.lore.server.handover;

import dev.lore.graph.handover.Departure;
import dev.lore.graph.handover.Offer;
import dev.lore.graph.notify.Event;
import dev.lore.graph.notify.EventKind;
import dev.lore.graph.notify.NotificationStore;
import java.time.Instant;
import java.util.List;

/**
 * The inbox side of handover, through the notification store: a page offered to someone, their
 * answer to whoever offered it, and, when an owner leaves or moves team, a queue notice for
 * champions and the team. Called inside the write's transaction. Thread-safe.
 */
final class HandoverNotices {
    private final NotificationStore notifications;

    HandoverNotices(NotificationStore notifications) {
        this.notifications = notifications;
    }

    void offered(Offer offer, String ownerName, Instant at) {
        notifications.record(Event.of(
                EventKind.HANDOVER_OFFERED,
                offer.byId(),
                offer.title(),
                "/handover#offer-" + offer.id(),
                "Owner " + ownerName + " is no longer here. " + offer.why(),
                List.of(),
                List.of(offer.toId()),
                at));
    }

    void answered(Offer offer, Instant at) {
        notifications.record(Event.of(
                EventKind.HANDOVER_ANSWERED,
                offer.toId(),
                offer.title(),
                offer.status().equals(Offer.ACCEPTED) ? "/wiki/" + offer.slug() : "/handover",
                offer.toName() + (offer.status().equals(Offer.ACCEPTED) ? " is the new owner" : " declined"),
                List.of(),
                List.of(offer.byId()),
                at));
    }

    void queued(Departure departure, String personName, long pages, List<String> recipients, Instant at) {
        String what = departure.reason().equals(Departure.LEFT)
                ? personName + " left"
                : personName + " moved to " + (departure.toTeam().isEmpty() ? "another team" : departure.toTeam());
        notifications.record(Event.of(
                        EventKind.HANDOVER_QUEUE,
                        departure.by(),
                        what,
                        "/handover",
                        pages + (pages == 1 ? " page needs" : " pages need") + " a new owner",
                        List.of(),
                        recipients,
                        at)
                .collapsedBy("handover:" + departure.id()));
    }
}
