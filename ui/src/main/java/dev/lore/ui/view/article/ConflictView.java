package dev.lore.ui.view.article;

import java.util.List;

/**
 * The revision someone else saved while this person was editing, and how it differs from what
 * this person wrote ({@code changes} runs from their version to this person's).
 */
public record ConflictView(
        int currentRevision, String currentTitle, String currentMarkdown, String author, List<DiffLine> changes) {}
