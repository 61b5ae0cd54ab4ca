package dev.lore.ui.view;

/** A person in the directory. */
public record PersonRow(String id, String name, String team, String title) {}
