package dev.lore.ui.view;

/** A contributor to an article: their share of its current text (0-100) and number of edits. */
public record ContributorView(String id, String name, int sharePercent, int edits) {}
