package dev.lore.ui.view.expertise;

/** Someone to learn from, for which skill, why in words, and how to reach them (office hours too). */
public record SuggestionView(
        String personId, String name, String team, String skill, String why, ContactView contact) {}
