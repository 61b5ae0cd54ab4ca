package dev.lore.ui.view.learning;

/** On an article page: this article is step {@code n} of {@code steps} on a path the reader follows, not done yet. */
public record OpenStepView(String pathId, String pathTitle, int n, int steps) {}
