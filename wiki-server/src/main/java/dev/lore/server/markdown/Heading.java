package dev.lore.server.markdown;

/** A heading of a rendered page: level, the anchor id it got, and its text. */
public record Heading(int level, String anchor, String text) {}
