package dev.lore.server.error;

/** Nothing exists at this address. Maps to HTTP 404. */
public final class NotFoundException extends LoreException {
    public NotFoundException(String message) {
        super(404, "not_found", message);
    }
}
