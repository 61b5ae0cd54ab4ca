package dev.lore.graph.learning;

import java.time.Instant;
import java.util.Optional;

/** One step a learner marked done, with their reflection (private unless {@code shared}). */
public record StepProgress(int n, Instant at, Optional<String> reflection, boolean shared) {}
