package dev.lore.server.error;

/** The body is not in the format the route reads (JSON routes read only application/json). Maps to 415. */
public final class UnsupportedMediaTypeException extends LoreException {
    public UnsupportedMediaTypeException(String message) {
        super(415, "unsupported_media_type", message);
    }
}
