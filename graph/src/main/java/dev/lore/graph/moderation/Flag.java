package dev.lore.graph.moderation;

import dev.lore.graph.PersonRef;
import java.time.Instant;
import java.util.Optional;

/** Someone's report that a piece of content needs a champion's look. {@code status} is open or resolved. */
public record Flag(
        String id,
        String targetKind,
        String targetId,
        PersonRef by,
        String reason,
        Optional<String> note,
        Instant at,
        String status) {}
