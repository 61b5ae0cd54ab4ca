package dev.lore.server.error;

/** The request body is larger than allowed. Maps to HTTP 413. */
public final class TooLargeException extends LoreException {
    public TooLargeException(String message) {
        super(413, "too_large", message);
    }
}
