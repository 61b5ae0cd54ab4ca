package dev.lore.server.auth;

import dev.lore.server.error.InvalidInputException;
import java.util.Locale;

/** What a person may do; each role can do everything the ones before it can. */
public enum Role {
    /** Reads and searches. */
    READER,
    /** Also writes and edits articles. */
    CONTRIBUTOR,
    /** Also curates and moderates. */
    CHAMPION,
    /** Also manages people. */
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String raw) {
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("role must be reader, contributor, champion or admin, was '" + raw + "'");
        }
    }
}
