package dev.lore.server.error;

/** You are signed in but not allowed to do this. Maps to HTTP 403. */
public final class ForbiddenException extends LoreException {
    public ForbiddenException(String message) {
        super(403, "forbidden", message);
    }
}
