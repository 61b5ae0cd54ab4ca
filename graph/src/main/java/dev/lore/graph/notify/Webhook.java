package dev.lore.graph.notify;

import java.time.Instant;
import java.util.List;

/**
 * A registered webhook. {@code secret} signs every payload; {@code active} false once it failed
 * too often in a row ({@code failures} counts the deliveries given up since the last success).
 * {@code events} empty means every kind, including kinds Lore adds after the hook was registered.
 */
public record Webhook(
        String id,
        String url,
        String secret,
        List<String> events,
        String createdBy,
        Instant createdAt,
        boolean active,
        int failures) {
    /** Whether the hook wants every kind of event, present and future. */
    public boolean everyKind() {
        return events.isEmpty();
    }
}
