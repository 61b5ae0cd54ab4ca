package dev.lore.ui.view.article;

/**
 * One line of a diff. {@code kind} is "same", "added", "removed" or "gap" (unchanged lines left
 * out); line numbers are 0 where the line does not exist on that side.
 */
public record DiffLine(String kind, int oldNumber, int newNumber, String text) {}
