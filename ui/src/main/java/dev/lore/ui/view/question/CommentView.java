package dev.lore.ui.view.question;

/** A comment; {@code html} is sanitized. */
public record CommentView(String authorId, String authorName, String html, String ago) {}
