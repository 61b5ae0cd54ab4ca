package dev.lore.graph.article;

import java.time.Instant;

/**
 * A person who saved at least one revision of an article.
 *
 * @param share the part of the current text's non-blank lines this person wrote, 0 to 1
 */
public record Contributor(String id, String name, int edits, double share, Instant firstAt, Instant lastAt) {}
