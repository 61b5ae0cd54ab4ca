package dev.lore.graph.learning;

import java.time.Instant;
import java.util.Optional;

/**
 * A path in a list: how many steps it has and, for the person asking, how many they did and
 * whether they follow it (0 and false for nobody).
 */
public record PathSummary(
        String id,
        String title,
        String description,
        String level,
        Optional<String> skill,
        int steps,
        int done,
        boolean following,
        Instant createdAt) {}
