package dev.lore.ui.view.learning;

/** A reflection a learner shared on a step. */
public record ReflectionView(String personId, String personName, String text, String when) {}
