package dev.lore.graph.notify;

import java.util.Objects;

/** A watchable thing: its kind and key (an article's slug, a question's id, a skill's key ...). */
public record Subject(WatchKind kind, String key) {
    public Subject {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(key, "key must not be null");
    }
}
