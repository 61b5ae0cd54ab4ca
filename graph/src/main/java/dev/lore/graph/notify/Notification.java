package dev.lore.graph.notify;

import java.time.Instant;

/**
 * One entry of a person's inbox.
 *
 * @param count how many events it stands for (quick edits by one person collapse into one)
 */
public record Notification(
        String id,
        String kind,
        Instant at,
        boolean read,
        String title,
        String url,
        String message,
        String actorId,
        String actorName,
        int count) {}
