package dev.lore.graph.learning;

/** A step a learner has not done yet on a path they follow: step {@code n} of {@code steps}. */
public record OpenStep(String pathId, String pathTitle, int n, int steps) {}
