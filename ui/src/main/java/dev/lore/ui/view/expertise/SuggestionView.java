package dev.lore.ui.view.expertise;

/** Someone to learn from, for which skill, and why in words. */
public record SuggestionView(String personId, String name, String team, String skill, String why) {}
