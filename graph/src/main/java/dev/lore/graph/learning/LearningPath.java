package dev.lore.graph.learning;

import dev.lore.graph.PersonRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A learning path as stored: an ordered series of steps (articles and questions) for a {@code
 * level} (newcomer, practitioner), optionally about one skill, built by a champion.
 */
public record LearningPath(
        String id,
        String title,
        String description,
        String level,
        Optional<String> skill,
        PersonRef createdBy,
        Instant createdAt,
        Instant updatedAt,
        List<PathStep> steps) {}
