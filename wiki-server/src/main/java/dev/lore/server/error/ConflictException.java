package dev.lore.server.error;

/** The request repeats something that may happen only once (a second helpful vote). Maps to HTTP 409. */
public final class ConflictException extends LoreException {
    public ConflictException(String message) {
        super(409, "conflict", message);
    }
}
