package dev.lore.graph.expertise;

import java.time.Instant;

/** How many people said an article taught them something, and when the latest did. */
public record TeachingMarks(String articleId, int learners, Instant lastAt) {}
