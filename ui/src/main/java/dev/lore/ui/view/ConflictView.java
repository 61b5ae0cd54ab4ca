package dev.lore.ui.view;

/** The revision someone else saved while this person was editing. */
public record ConflictView(int currentRevision, String currentTitle, String currentMarkdown, String author) {}
