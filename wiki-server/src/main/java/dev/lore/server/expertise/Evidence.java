package dev.lore.server.expertise;

import java.time.Instant;
import java.util.Optional;

/**
 * One piece of evidence behind an expert or a suggestion: what it is, how much it counted ({@link
 * #weight}) and when ({@link #at}, absent when the graph does not know).
 */
public sealed interface Evidence {
    double weight();

    Optional<Instant> at();

    /**
     * Part of an article relevant to the topic: share of its current text and edits, and over its
     * whole history the share of the lines ever added to it and the first edit.
     */
    record Article(
            String title,
            String slug,
            double share,
            int edits,
            double weight,
            Optional<Instant> at,
            double addedShare,
            Optional<Instant> firstAt)
            implements Evidence {
        /** Without the history: as if every line the person added had lasted. */
        Article(String title, String slug, double share, int edits, double weight, Optional<Instant> at) {
            this(title, slug, share, edits, weight, at, share, Optional.empty());
        }
    }

    /** An answer to a question relevant to the topic: helpful votes, and whether the asker accepted it. */
    record Answer(String title, String questionId, boolean accepted, int helpful, double weight, Optional<Instant> at)
            implements Evidence {}

    /** People who said an article relevant to the topic taught them something, credited by share. */
    record Teaching(String title, String slug, int learners, double share, double weight, Optional<Instant> at)
            implements Evidence {}

    /** A declared skill, with its level where it is shown (a profile, a suggestion). */
    record Skill(String skill, Optional<String> level, double weight, Optional<Instant> at) implements Evidence {}

    /** Colleagues' endorsements for a skill. */
    record Endorsement(String skill, int endorsers, double weight, Optional<Instant> at) implements Evidence {}

    /** Writing about a skill: summed line shares over its live articles, and how many. */
    record Writing(String skill, double share, int articles, double weight, Optional<Instant> at) implements Evidence {}
}
