package dev.lore.graph.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A flagged piece of content in the review queue: its open flags, how many and for which reasons
 * ({@code reasons}: reason to count, most frequent first).
 */
public record QueueItem(
        String targetKind,
        String targetId,
        String title,
        String link,
        boolean hidden,
        int count,
        Map<String, Long> reasons,
        Instant lastAt,
        List<Flag> flags) {
    public QueueItem {
        reasons = Map.copyOf(reasons);
        flags = List.copyOf(flags);
    }
}
