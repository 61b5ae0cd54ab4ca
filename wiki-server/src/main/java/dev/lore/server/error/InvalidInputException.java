package dev.lore.server.error;

/** The request is malformed or a value is out of range. Maps to HTTP 400. */
public final class InvalidInputException extends LoreException {
    public InvalidInputException(String message) {
        super(400, "bad_request", message);
    }
}
