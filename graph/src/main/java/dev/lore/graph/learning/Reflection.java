package dev.lore.graph.learning;

import dev.lore.graph.PersonRef;
import java.time.Instant;

/** A learner's reflection on a step they did, shared with everyone who views the path. */
public record Reflection(PersonRef by, String text, Instant at) {}
