package dev.lore.graph.notify;

import java.time.Instant;
import java.util.Optional;

/**
 * One delivery of one event to one webhook, and how it went.
 *
 * @param state {@code pending}, {@code delivered} or {@code failed}
 */
public record WebhookCall(
        String id,
        String hookId,
        String kind,
        String title,
        String url,
        String message,
        String actorId,
        String actorName,
        Instant at,
        String state,
        int attempts,
        Optional<Integer> lastStatus,
        Optional<String> lastError,
        Optional<Instant> lastAttemptAt) {}
