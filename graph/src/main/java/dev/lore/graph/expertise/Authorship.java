package dev.lore.graph.expertise;

import java.time.Instant;

/** A person's part in one article: share of its current text, edits, last contribution. */
public record Authorship(
        String personId, String articleId, String slug, String title, double share, int edits, Instant lastAt) {}
