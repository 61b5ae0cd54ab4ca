package dev.lore.graph.notify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened, to be told to people: the watchers of {@code watched} and the people in
 * {@code direct} (the asker of an answered question, a routed expert, the person mentioned), never
 * the actor. With a {@code collapseKey}, a notification of the same key still unread and not yet
 * emailed is updated instead of a new one added: ten quick edits by one person make one.
 *
 * @param url where the notification links to, relative to Lore's root
 * @param message a short line of detail (a change message, the start of an answer), may be empty
 * @param autoWatch what the actor now watches, and after which action (their preference decides)
 * @param answerId the answer the event is about, if any: a notification about an answer hidden
 *     later is neither shown nor delivered (the page and question come from {@code url})
 */
public record Event(
        EventKind kind,
        String actorId,
        String title,
        String url,
        String message,
        List<Subject> watched,
        List<String> direct,
        Optional<String> collapseKey,
        Optional<Subject> autoWatch,
        Optional<AutoWatch> autoWatchAction,
        Optional<String> answerId,
        Instant at) {
    public Event {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(actorId, "actorId must not be null");
        watched = List.copyOf(watched);
        direct = List.copyOf(direct);
        message = message == null ? "" : message;
    }

    /** An event for the watchers of {@code watched} and for {@code direct}, without collapsing or watching. */
    public static Event of(
            EventKind kind,
            String actorId,
            String title,
            String url,
            String message,
            List<Subject> watched,
            List<String> direct,
            Instant at) {
        return new Event(
                kind,
                actorId,
                title,
                url,
                message,
                watched,
                direct,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                at);
    }

    public Event collapsedBy(String key) {
        return new Event(
                kind,
                actorId,
                title,
                url,
                message,
                watched,
                direct,
                Optional.of(key),
                autoWatch,
                autoWatchAction,
                answerId,
                at);
    }

    /** The actor watches {@code subject} afterwards, if their preference for {@code action} allows. */
    public Event watching(Subject subject, AutoWatch action) {
        return new Event(
                kind,
                actorId,
                title,
                url,
                message,
                watched,
                direct,
                collapseKey,
                Optional.of(subject),
                Optional.of(action),
                answerId,
                at);
    }

    /** The event is about this answer: hiding it later withdraws the notification. */
    public Event aboutAnswer(String id) {
        return new Event(
                kind,
                actorId,
                title,
                url,
                message,
                watched,
                direct,
                collapseKey,
                autoWatch,
                autoWatchAction,
                Optional.of(id),
                at);
    }

    /** The slug of the page {@code url} points to ({@code /wiki/<slug>...}), if it points to one. */
    public Optional<String> articleSlug() {
        return pathKey("/wiki/");
    }

    /** The id of the question {@code url} points to ({@code /questions/<id>...}), if it points to one. */
    public Optional<String> questionId() {
        return pathKey("/questions/");
    }

    private Optional<String> pathKey(String prefix) {
        if (url == null || !url.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = url.substring(prefix.length());
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return end == 0 ? Optional.empty() : Optional.of(rest.substring(0, end));
    }
}
