package dev.lore.ui.view.article;

import java.util.List;

/** The page of every page, as a tree; {@code truncated} when the wiki holds more than it shows. */
public record TreeView(List<TreeNodeView> roots, int pages, boolean truncated) {}
