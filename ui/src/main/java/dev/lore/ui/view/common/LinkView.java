package dev.lore.ui.view.common;

/** A link to an article. */
public record LinkView(String slug, String title) {}
