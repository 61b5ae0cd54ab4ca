package dev.lore.ui.view.article;

/** One revision in the history list. */
public record RevisionRow(int number, String message, String authorId, String authorName, String at) {}
