package dev.lore.graph.article;

import java.time.Instant;

/** A person who saved at least one revision of an article. */
public record Contributor(String id, String name, int edits, Instant lastAt) {}
