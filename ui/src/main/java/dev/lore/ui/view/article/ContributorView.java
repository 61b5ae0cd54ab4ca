package dev.lore.ui.view.article;

/** A contributor to an article: their number of edits and their share of its current text, 0-100. */
public record ContributorView(String id, String name, int edits, int sharePercent) {}
