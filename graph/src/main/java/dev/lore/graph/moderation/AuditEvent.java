package dev.lore.graph.moderation;

import java.time.Instant;
import java.util.Optional;

/**
 * One moderation action, kept for good: who ({@code actor}, a person id, and their name), what
 * ({@code action} on a target), when and why.
 */
public record AuditEvent(
        String id,
        String action,
        String targetKind,
        String targetId,
        String actor,
        String actorName,
        Optional<String> reason,
        Instant at) {}
