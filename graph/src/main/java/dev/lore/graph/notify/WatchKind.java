package dev.lore.graph.notify;

import java.util.Locale;
import java.util.Optional;

/** What a person can watch: the node's label and the property that names it. */
public enum WatchKind {
    ARTICLE("Article", "slug"),
    QUESTION("Question", "id"),
    SKILL("Skill", "key"),
    PATH("Path", "id"),
    PERSON("Person", "id");

    private final String label;
    private final String keyProperty;

    WatchKind(String label, String keyProperty) {
        this.label = label;
        this.keyProperty = keyProperty;
    }

    /** The node label; a code constant, safe to place in Cypher. */
    String label() {
        return label;
    }

    String keyProperty() {
        return keyProperty;
    }

    /** The lower-case name used in URLs and JSON: article, question, skill, path, person. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WatchKind> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        for (WatchKind kind : values()) {
            if (kind.id().equals(raw.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
