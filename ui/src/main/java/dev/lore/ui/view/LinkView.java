package dev.lore.ui.view;

/** A link to an article. */
public record LinkView(String slug, String title) {}
