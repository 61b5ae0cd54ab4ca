package dev.lore.graph;

/** A person as named on content: id and display name. */
public record PersonRef(String id, String name) {}
