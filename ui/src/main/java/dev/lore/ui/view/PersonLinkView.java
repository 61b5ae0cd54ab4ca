package dev.lore.ui.view;

/** A person to link to. */
public record PersonLinkView(String id, String name) {}
