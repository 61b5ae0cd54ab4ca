package dev.lore.ui.view.learning;

/** A learning path in a list, with the viewer's progress ({@code done} of {@code steps}). */
public record PathRowView(
        String id,
        String title,
        String description,
        String level,
        String skill,
        int steps,
        int done,
        int percent,
        boolean following) {}
