package dev.lore.graph.learning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A featured collection: articles a champion picked, in order, shown on the home page ({@code
 * onHome}) and on the page of its {@code skill}, with a
 * short plain-text {@code description} (may be empty). Deleted articles drop out of {@code articles}.
 */
public record FeaturedCollection(
        String id,
        String title,
        String description,
        Optional<String> skill,
        boolean onHome,
        List<Featured> articles,
        Instant updatedAt) {

    /** An article in a collection, by its current slug. */
    public record Featured(String slug, String title) {}
}
