package dev.lore.graph.person;

import java.time.Instant;
import java.util.Optional;

/**
 * One live sign-in token of a person, as its owner and admins see it: never the secret, only an
 * id made of the start of its hash. {@code kind} is {@code session} (a browser or an API sign-in)
 * or {@code api} (a token for scripts); {@code address} and {@code userAgent} are where it was made
 * or last used from, when known.
 */
public record TokenInfo(
        String id,
        String kind,
        Instant createdAt,
        Optional<Instant> lastUsedAt,
        Instant expiresAt,
        Optional<String> address,
        Optional<String> userAgent) {
    /** Characters of the hash that make a token's id. */
    public static final int ID_LENGTH = 16;

    public static String idOf(String tokenHash) {
        return tokenHash.substring(0, ID_LENGTH);
    }
}
