package dev.lore.graph.article;

/** A move that would put a page under itself or under one of its own descendants. */
public final class TreeCycleException extends RuntimeException {
    public TreeCycleException(String slug, String parent) {
        super("cannot move '" + slug + "' under '" + parent + "': that page is '" + slug + "' itself or lies under it");
    }
}
