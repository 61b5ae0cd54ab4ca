package dev.lore.graph;

/** Neo4j could not be reached (or refused Lore) when connecting; the message says where and why. */
public final class GraphUnavailableException extends RuntimeException {
    public GraphUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
