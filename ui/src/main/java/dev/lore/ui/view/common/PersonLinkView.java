package dev.lore.ui.view.common;

/** A person to link to. */
public record PersonLinkView(String id, String name) {}
