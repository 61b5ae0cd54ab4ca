package dev.lore.graph.person;

/** A skill a person says they have, at a level: learning, practising or expert. */
public record DeclaredSkill(String name, String level) {}
