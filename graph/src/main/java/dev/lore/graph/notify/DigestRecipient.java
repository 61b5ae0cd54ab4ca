package dev.lore.graph.notify;

import java.time.Instant;
import java.util.Optional;

/** A person with notifications waiting for their digest, and when they last got one. */
public record DigestRecipient(
        String personId,
        String email,
        String name,
        Preferences preferences,
        Optional<Instant> lastDigestAt,
        Instant oldestWaiting) {}
