package dev.lore.graph.handover;

/** Someone still here who wrote part of a page's current text, and how much of it ({@code share}, 0-1). */
public record Contributor(String personId, String name, double share) {}
