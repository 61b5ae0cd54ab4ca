package dev.lore.graph;

/** A write named something that does not exist (or no longer does). */
public final class NoSuchEntityException extends RuntimeException {
    private final String kind;
    private final String key;

    public NoSuchEntityException(String kind, String key) {
        super("no " + kind + " '" + key + "'");
        this.kind = kind;
        this.key = key;
    }

    public String kind() {
        return kind;
    }

    public String key() {
        return key;
    }
}
