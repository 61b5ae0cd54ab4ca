package dev.lore.server.article;

import dev.lore.graph.article.PageTree;
import dev.lore.server.auth.Role;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The page tree as JSON: every page with its parent, one page's place, and moving a page. */
public final class PageTreeApi {
    private final PageTreeService tree;

    public PageTreeApi(PageTreeService tree) {
        this.tree = tree;
    }

    /** A move: the slug of the new parent, or null (or blank) for the top level. */
    public record MoveRequest(String parent) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/tree", this::all);
        routes.get("/api/articles/{slug}/place", this::place);
        routes.put("/api/articles/{slug}/parent", this::move);
    }

    private void all(Context ctx) {
        List<PageTree.Node> nodes = tree.all();
        boolean truncated = nodes.size() > PageTreeService.MAX_PAGES;
        ctx.json(Map.of(
                "pages",
                nodes.stream()
                        .limit(PageTreeService.MAX_PAGES)
                        .map(PageTreeApi::node)
                        .toList(),
                "truncated",
                truncated));
    }

    private void place(Context ctx) {
        ctx.json(json(tree.place(ctx.pathParam("slug"))));
    }

    private void move(Context ctx) {
        CurrentUser.require(ctx, Role.CONTRIBUTOR);
        MoveRequest body = Requests.body(ctx, MoveRequest.class);
        ctx.json(json(tree.move(ctx.pathParam("slug"), Optional.ofNullable(body.parent()))));
    }

    static Map<String, Object> json(PageTree.Place place) {
        var json = new LinkedHashMap<String, Object>();
        json.put("parent", place.parent().map(PageTreeApi::link).orElse(null));
        json.put(
                "breadcrumbs", place.ancestors().stream().map(PageTreeApi::link).toList());
        json.put("children", place.children().stream().map(PageTreeApi::link).toList());
        return json;
    }

    private static Map<String, Object> link(PageTree.Node n) {
        return Map.of("slug", n.slug(), "title", n.title());
    }

    private static Map<String, Object> node(PageTree.Node n) {
        var json = new LinkedHashMap<String, Object>();
        json.put("slug", n.slug());
        json.put("title", n.title());
        json.put("parent", n.parent().orElse(null));
        return json;
    }
}
