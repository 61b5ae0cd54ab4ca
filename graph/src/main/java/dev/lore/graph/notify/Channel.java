package dev.lore.graph.notify;

import java.util.Locale;
import java.util.Optional;

/**
 * How a person hears about one kind of event: in the inbox only, in the inbox and by email at once,
 * in the inbox and in the next email digest, or not at all.
 */
public enum Channel {
    IN_APP,
    EMAIL,
    DIGEST,
    OFF;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Channel> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        for (Channel c : values()) {
            if (c.id().equals(raw.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
