package dev.lore.ui.view.article;

/** One old revision rendered; {@code html} is sanitized. */
public record RevisionView(
        String slug,
        String title,
        int number,
        int currentRevision,
        String html,
        String authorName,
        String at,
        String message) {}
