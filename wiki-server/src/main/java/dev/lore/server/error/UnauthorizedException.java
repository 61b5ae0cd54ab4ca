package dev.lore.server.error;

/** Sign in first. Maps to HTTP 401. */
public final class UnauthorizedException extends LoreException {
    public UnauthorizedException(String message) {
        super(401, "unauthorized", message);
    }
}
