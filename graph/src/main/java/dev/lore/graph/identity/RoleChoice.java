package dev.lore.graph.identity;

/** A role to give a person, and whether the group mapping gave it (else it was set by hand and kept). */
public record RoleChoice(String role, boolean mapped) {}
