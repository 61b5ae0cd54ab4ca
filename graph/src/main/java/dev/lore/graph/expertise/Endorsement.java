package dev.lore.graph.expertise;

import java.time.Instant;

/** An endorsement a person received: who, for what, when. */
public record Endorsement(String fromId, String fromName, String skill, Instant at) {}
