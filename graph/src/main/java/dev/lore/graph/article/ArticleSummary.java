package dev.lore.graph.article;

import java.time.Instant;
import java.util.List;

/** A line in a list of articles. */
public record ArticleSummary(String slug, String title, List<String> tags, int revision, Instant updatedAt) {}
