package dev.lore.ui.view;

/** One revision in the history list. */
public record RevisionRow(int number, String message, String authorId, String authorName, String at) {}
