package dev.lore.graph.notify;

import java.time.Instant;

/** Something a person watches; {@code auto} when it came from their own action, not a button. */
public record Watch(WatchKind kind, String key, String title, Instant since, boolean auto) {}
