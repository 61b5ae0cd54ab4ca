package dev.lore.graph.path;

import java.util.List;
import java.util.Optional;

/**
 * One step of a path, numbered from 1. {@code kind} is article or question; {@code ref} the
 * article's current slug or the question's id; {@code available} is false once the article was
 * deleted. {@code shared} holds the reflections learners chose to share on this step, oldest first.
 */
public record PathStep(
        int n,
        String kind,
        String ref,
        String title,
        boolean available,
        Optional<String> prompt,
        List<Reflection> shared) {}
