package dev.lore.ui.view.article;

import java.util.List;

/**
 * One page in a page tree as the sidebar and the tree page draw it: {@code current} marks the page
 * being read, {@code open} a branch that holds it (shown unfolded).
 */
public record TreeNodeView(String slug, String title, boolean current, boolean open, List<TreeNodeView> children) {}
