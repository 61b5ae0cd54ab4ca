package dev.lore.graph.learning;

import java.util.List;
import java.util.Optional;

/**
 * One step of a path, numbered from 1. {@code kind} is article or question; {@code ref} the
 * article's current slug or the question's id; {@code available} is false once the article was
 * deleted or a moderator hid the article or question ({@code hidden}; who may still see what it
 * points at is the caller's rule). {@code shared} holds the reflections learners chose to share on
 * this step, oldest first.
 */
public record PathStep(
        int n,
        String kind,
        String ref,
        String title,
        boolean available,
        boolean hidden,
        Optional<String> prompt,
        List<Reflection> shared) {

    /** This step with what it points at left out (no ref, no title): for those who may not see it. */
    public PathStep withoutTarget() {
        return new PathStep(n, kind, "", "", false, hidden, prompt, shared);
    }
}
