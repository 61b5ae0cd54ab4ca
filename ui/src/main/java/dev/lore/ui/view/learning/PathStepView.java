package dev.lore.ui.view.learning;

import java.util.List;

/**
 * One step of a path as its page shows it: where it leads, its prompt, and for the viewer whether
 * they did it and their own reflection; {@code shared} are everyone's shared reflections. A step
 * a moderator {@code hidden} has an empty title and url for those who may not see it.
 */
public record PathStepView(
        int n,
        String kind,
        String title,
        String url,
        boolean available,
        boolean hidden,
        String prompt,
        boolean done,
        String reflection,
        boolean reflectionShared,
        List<ReflectionView> shared) {}
