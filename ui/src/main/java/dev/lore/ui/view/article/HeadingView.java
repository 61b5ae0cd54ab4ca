package dev.lore.ui.view.article;

/** A heading in a table of contents: level 1-6, anchor id, text. */
public record HeadingView(int level, String anchor, String text) {}
