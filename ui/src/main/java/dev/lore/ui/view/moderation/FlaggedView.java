package dev.lore.ui.view.moderation;

/** The note for someone who flagged content they had already flagged; {@code back} is a local path. */
public record FlaggedView(String back) {}
