package dev.lore.ui.view.expertise;

/** An article a person worked on: their share of its current text and their edits. */
public record ContributionView(String slug, String title, int sharePercent, int edits, String lastAt) {}
