package dev.lore.ui.view;

/** A comment; {@code html} is sanitized. */
public record CommentView(String authorId, String authorName, String html, String ago) {}
