package dev.lore.server.article;

import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.article.PageTree;
import dev.lore.graph.article.TreeCycleException;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import dev.lore.ui.view.article.PlaceView;
import dev.lore.ui.view.article.TreeNodeView;
import dev.lore.ui.view.common.LinkView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The page tree as people use it: where a page stands, moving it (with its children) under another
 * page, and the tree drawn as nested nodes. Thread-safe.
 */
public final class PageTreeService {
    /** The most pages the tree page, the move form and the sidebar section show. */
    public static final int MAX_PAGES = 5_000;

    private final PageTree tree;

    public PageTreeService(PageTree tree) {
        this.tree = tree;
    }

    /**
     * Moves a page under {@code parent} (top level when empty or blank).
     *
     * @throws InvalidInputException if that would put the page under itself or its own descendant
     * @throws NotFoundException if either page does not exist
     */
    public PageTree.Place move(String slug, Optional<String> parent) {
        Optional<String> target = parent.map(String::strip).filter(p -> !p.isEmpty());
        try {
            return tree.move(slug, target);
        } catch (TreeCycleException e) {
            throw new InvalidInputException(e.getMessage());
        } catch (NoSuchEntityException e) {
            throw new NotFoundException("no article at '" + e.key() + "'");
        }
    }

    public PageTree.Place place(String slug) {
        try {
            return tree.place(slug);
        } catch (NoSuchEntityException e) {
            throw new NotFoundException("no article at '" + slug + "'");
        }
    }

    public List<PageTree.Node> all() {
        return tree.all(MAX_PAGES + 1);
    }

    /** What the article page shows of the tree for the page at {@code slug}. */
    public PlaceView placeView(String slug) {
        PageTree.Place place = place(slug);
        List<PageTree.Node> section = tree.section(slug, MAX_PAGES);
        Set<String> open = new HashSet<>();
        place.ancestors().forEach(a -> open.add(a.slug()));
        return new PlaceView(links(place.ancestors()), links(place.children()), nest(section, Optional.of(slug), open));
    }

    /**
     * Nests flat nodes under their parents; a node whose parent is not among them is a root.
     * {@code current} is marked, and the branches in {@code open} are shown unfolded.
     */
    public static List<TreeNodeView> nest(List<PageTree.Node> nodes, Optional<String> current, Set<String> open) {
        Set<String> present = new HashSet<>();
        nodes.forEach(n -> present.add(n.slug()));
        Map<String, List<PageTree.Node>> byParent = new HashMap<>();
        List<PageTree.Node> roots = new ArrayList<>();
        for (PageTree.Node n : nodes) {
            if (n.parent().isPresent() && present.contains(n.parent().get())) {
                byParent.computeIfAbsent(n.parent().get(), k -> new ArrayList<>())
                        .add(n);
            } else {
                roots.add(n);
            }
        }
        return build(roots, byParent, current, open, new HashSet<>());
    }

    private static List<TreeNodeView> build(
            List<PageTree.Node> level,
            Map<String, List<PageTree.Node>> byParent,
            Optional<String> current,
            Set<String> open,
            Set<String> seen) {
        var out = new ArrayList<TreeNodeView>();
        for (PageTree.Node n : level) {
            if (!seen.add(n.slug())) {
                continue; // the graph refuses cycles; this only guards the drawing
            }
            List<TreeNodeView> children =
                    build(byParent.getOrDefault(n.slug(), List.of()), byParent, current, open, seen);
            boolean isCurrent = current.isPresent() && current.get().equals(n.slug());
            out.add(new TreeNodeView(n.slug(), n.title(), isCurrent, open.contains(n.slug()) || isCurrent, children));
        }
        return out;
    }

    private static List<LinkView> links(List<PageTree.Node> nodes) {
        return nodes.stream().map(n -> new LinkView(n.slug(), n.title())).toList();
    }
}
