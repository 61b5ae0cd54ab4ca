package dev.lore.ui.view.person;

/** A person in the directory. */
public record PersonRow(String id, String name, String team, String title) {}
