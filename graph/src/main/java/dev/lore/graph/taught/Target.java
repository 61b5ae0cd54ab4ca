package dev.lore.graph.taught;

import java.util.Objects;

/**
 * What a person can say taught them something: an article (lessons are articles) by slug, or an
 * answer by id.
 */
public record Target(Kind kind, String key) {
    public enum Kind {
        ARTICLE,
        ANSWER;

        /** The lower-case name used in JSON and URLs: article, answer. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Target {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(key, "key must not be null");
    }

    public static Target article(String slug) {
        return new Target(Kind.ARTICLE, slug);
    }

    public static Target answer(String id) {
        return new Target(Kind.ANSWER, id);
    }
}
