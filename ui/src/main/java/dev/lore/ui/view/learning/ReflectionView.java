package dev.lore.ui.view.learning;

/** A reflection a learner shared on a step. */
/** A shared reflection: its text, and that text rendered as sanitized HTML (mentions link to people). */
public record ReflectionView(String personId, String personName, String text, String html, String when) {}
