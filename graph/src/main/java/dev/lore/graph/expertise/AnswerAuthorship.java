package dev.lore.graph.expertise;

import java.time.Instant;

/**
 * An answer as evidence: who wrote it, to which question, whether the asker accepted it and how
 * many people found it helpful.
 */
public record AnswerAuthorship(
        String personId, String questionId, String title, boolean accepted, int helpful, Instant at) {}
