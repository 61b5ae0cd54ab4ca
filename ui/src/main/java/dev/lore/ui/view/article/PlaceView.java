package dev.lore.ui.view.article;

import dev.lore.ui.view.common.LinkView;
import java.util.List;

/**
 * Where an article stands in the page tree: its ancestors from the top down (the breadcrumbs), the
 * pages right under it, and the section of the tree it belongs to (for the sidebar).
 */
public record PlaceView(List<LinkView> breadcrumbs, List<LinkView> children, List<TreeNodeView> section) {
    public static final PlaceView NONE = new PlaceView(List.of(), List.of(), List.of());
}
