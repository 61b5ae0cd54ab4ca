package dev.lore.server.article;

import dev.lore.graph.article.Article;
import dev.lore.graph.article.PageTree;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.ui.view.article.MoveView;
import dev.lore.ui.view.article.TreeNodeView;
import dev.lore.ui.view.article.TreeView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The page of all pages as a tree, and the form that moves a page with everything under it. */
public final class PageTreePages {
    private final PageTreeService tree;
    private final ArticleService articles;
    private final Pages pages;

    public PageTreePages(PageTreeService tree, ArticleService articles, Pages pages) {
        this.tree = tree;
        this.articles = articles;
        this.pages = pages;
    }

    public void register(RoutesConfig routes) {
        routes.get("/pages", this::all);
        routes.get("/wiki/{slug}/move", this::moveForm);
        routes.post("/wiki/{slug}/move", this::move);
    }

    private void all(Context ctx) {
        List<PageTree.Node> nodes = tree.all();
        boolean truncated = nodes.size() > PageTreeService.MAX_PAGES;
        List<PageTree.Node> shown = truncated ? nodes.subList(0, PageTreeService.MAX_PAGES) : nodes;
        pages.render(
                ctx,
                "article/tree.jte",
                "All pages",
                new TreeView(PageTreeService.nest(shown, Optional.empty(), Set.of()), shown.size(), truncated));
    }

    private void moveForm(Context ctx) {
        CurrentUser.require(ctx, Role.CONTRIBUTOR);
        Article a = articles.find(ctx.pathParam("slug")).article();
        pages.render(ctx, "article/move.jte", "Move " + a.title(), view(a, Optional.empty()));
    }

    private void move(Context ctx) {
        CurrentUser.require(ctx, Role.CONTRIBUTOR);
        Article a = articles.find(ctx.pathParam("slug")).article();
        try {
            tree.move(a.slug(), Optional.ofNullable(ctx.formParam("parent")));
            ctx.redirect("/wiki/" + a.slug(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(400);
            pages.render(ctx, "article/move.jte", "Move " + a.title(), view(a, Optional.of(e.getMessage())));
        }
    }

    /** The move form: every page outside this page's own subtree, indented by depth. */
    private MoveView view(Article a, Optional<String> error) {
        PageTree.Place place = tree.place(a.slug());
        List<PageTree.Node> nodes = tree.all();
        var choices = new ArrayList<MoveView.Choice>();
        flatten(PageTreeService.nest(nodes, Optional.empty(), Set.of()), a.slug(), 0, choices);
        return new MoveView(a.slug(), a.title(), place.parent().map(PageTree.Node::slug), choices, error);
    }

    private static void flatten(List<TreeNodeView> level, String moving, int depth, List<MoveView.Choice> out) {
        for (TreeNodeView n : level) {
            if (n.slug().equals(moving)) {
                continue; // a page cannot go under itself or anything under it
            }
            out.add(new MoveView.Choice(n.slug(), n.title(), depth));
            flatten(n.children(), moving, depth + 1, out);
        }
    }
}
