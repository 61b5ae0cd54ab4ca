package dev.lore.ui.view;

/** A contributor to an article with their number of edits. */
public record ContributorView(String id, String name, int edits) {}
