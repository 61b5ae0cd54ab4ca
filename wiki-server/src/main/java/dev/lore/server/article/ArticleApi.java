package dev.lore.server.article;

import dev.lore.graph.article.Article;
import dev.lore.graph.article.Revision;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON API for articles, their history and diffs. */
public final class ArticleApi {
    private final ArticleService articles;
    private final Origin origin;

    /** Where an article came from, as JSON (an answer it was promoted from), if anywhere. */
    @FunctionalInterface
    public interface Origin {
        Optional<Map<String, Object>> of(Article article);
    }

    public ArticleApi(ArticleService articles) {
        this(articles, article -> Optional.empty());
    }

    public ArticleApi(ArticleService articles, Origin origin) {
        this.articles = articles;
        this.origin = origin;
    }

    /**
     * A create request; title may instead come from the Markdown's front matter; {@code parent},
     * a page's slug, places the new page under it.
     */
    public record CreateRequest(
            String title,
            String markdown,
            List<String> tags,
            List<String> skills,
            String owner,
            String message,
            String kind,
            String parent) {}

    private Optional<PageTreeService> tree = Optional.empty();

    /** Lets a create name the new page's parent. */
    public ArticleApi withTree(PageTreeService tree) {
        this.tree = Optional.of(tree);
        return this;
    }

    /** An update request; {@code baseRevision} is the revision the edit started from. */
    public record UpdateRequest(
            String title,
            String markdown,
            Integer baseRevision,
            List<String> tags,
            List<String> skills,
            String owner,
            String message,
            String kind) {}

    /** Markdown to render for the editor preview. */
    public record PreviewRequest(String markdown) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/articles", this::list);
        routes.post("/api/articles", this::create);
        routes.get("/api/articles/{slug}", this::get);
        routes.put("/api/articles/{slug}", this::update);
        routes.delete("/api/articles/{slug}", this::delete);
        routes.get("/api/articles/{slug}/revisions", this::revisions);
        routes.get("/api/articles/{slug}/revisions/{n}", this::revision);
        routes.post("/api/articles/{slug}/revisions/{n}/restore", this::restore);
        routes.get("/api/articles/{slug}/diff", this::diff);
        routes.post("/api/preview", this::preview);
    }

    private void list(Context ctx) {
        int offset = Requests.intQuery(ctx, "offset", 0, 0, 1_000_000);
        int limit = Requests.intQuery(ctx, "limit", 50, 1, 200);
        ctx.json(Map.of("total", articles.count(), "articles", articles.list(offset, limit)));
    }

    private void create(Context ctx) {
        var author = CurrentUser.require(ctx, Role.CONTRIBUTOR);
        CreateRequest body = body(ctx, CreateRequest.class);
        var input = new ArticleInput(
                Optional.ofNullable(body.title()),
                body.markdown(),
                Optional.ofNullable(body.tags()),
                Optional.ofNullable(body.skills()),
                Optional.ofNullable(body.owner()),
                Optional.ofNullable(body.message()),
                Optional.ofNullable(body.kind()));
        Optional<String> parent =
                Optional.ofNullable(body.parent()).map(String::strip).filter(p -> !p.isEmpty());
        ArticlePage created = parent.isEmpty() || tree.isEmpty()
                ? articles.createAndShow(input, author.id())
                : articles.createAndShow(input, author.id(), a -> under(a, parent.get()));
        ctx.status(201).header("Location", "/api/articles/" + created.article().slug());
        ctx.json(toJson(created));
    }

    /** Places a page just created under {@code parent}; an unknown parent is bad input, and nothing is created. */
    private void under(dev.lore.graph.article.Article page, String parent) {
        try {
            tree.orElseThrow().move(page.slug(), Optional.of(parent));
        } catch (dev.lore.server.error.NotFoundException e) {
            throw new InvalidInputException("parent: no page at '" + parent + "'");
        }
    }

    private void get(Context ctx) {
        ArticlePage page = articles.page(ctx.pathParam("slug"), CurrentUser.atLeast(ctx, Role.CHAMPION));
        Map<String, Object> json = toJson(page);
        json.put("promotedFrom", origin.of(page.article()).orElse(null));
        ctx.json(json);
    }

    private void update(Context ctx) {
        var author = CurrentUser.require(ctx, Role.CONTRIBUTOR);
        UpdateRequest body = body(ctx, UpdateRequest.class);
        if (body.baseRevision() == null) {
            throw new InvalidInputException("baseRevision is required: the revision your edit started from");
        }
        var input = new ArticleInput(
                Optional.ofNullable(body.title()),
                body.markdown(),
                Optional.ofNullable(body.tags()),
                Optional.ofNullable(body.skills()),
                Optional.ofNullable(body.owner()),
                Optional.ofNullable(body.message()),
                Optional.ofNullable(body.kind()));
        ctx.json(toJson(articles.updateAndShow(ctx.pathParam("slug"), body.baseRevision(), input, author.id())));
    }

    private void delete(Context ctx) {
        var person = CurrentUser.require(ctx, Role.CONTRIBUTOR);
        articles.delete(ctx.pathParam("slug"), person.id());
        ctx.status(204);
    }

    private void revisions(Context ctx) {
        List<Map<String, Object>> list =
                articles.revisions(ctx.pathParam("slug"), CurrentUser.atLeast(ctx, Role.CHAMPION)).stream()
                        .map(r -> revisionJson(r, false))
                        .toList();
        ctx.json(Map.of("revisions", list));
    }

    private void revision(Context ctx) {
        int n = revisionNumber(ctx, "n");
        Revision revision = articles.revision(ctx.pathParam("slug"), n);
        var json = revisionJson(revision, true);
        json.put(
                "html",
                articles.pinFiles(
                        ctx.pathParam("slug"),
                        revision,
                        articles.render(revision.markdown()).html()));
        ctx.json(json);
    }

    private void restore(Context ctx) {
        var person = CurrentUser.require(ctx, Role.CONTRIBUTOR);
        ctx.json(toJson(articles.restoreAndShow(ctx.pathParam("slug"), revisionNumber(ctx, "n"), person.id())));
    }

    private void diff(Context ctx) {
        int from = Requests.requiredIntQuery(ctx, "from", 1, Integer.MAX_VALUE);
        int to = Requests.requiredIntQuery(ctx, "to", 1, Integer.MAX_VALUE);
        LineDiff.Result diff = articles.diff(ctx.pathParam("slug"), from, to);
        ctx.json(Map.of(
                "from", from, "to", to, "added", diff.added(), "removed", diff.removed(), "lines", diff.lines()));
    }

    private void preview(Context ctx) {
        PreviewRequest body = body(ctx, PreviewRequest.class);
        ctx.json(Map.of("html", articles.preview(body.markdown()).html()));
    }

    private static int revisionNumber(Context ctx, String param) {
        return Requests.intPath(ctx, param, 1, Integer.MAX_VALUE);
    }

    private static <T> T body(Context ctx, Class<T> type) {
        return Requests.body(ctx, type);
    }

    private static Map<String, Object> revisionJson(Revision r, boolean withMarkdown) {
        var json = new LinkedHashMap<String, Object>();
        json.put("revision", r.number());
        json.put("title", r.title());
        json.put("message", r.message());
        json.put("at", r.at());
        json.put("author", Map.of("id", r.author().id(), "name", r.author().name()));
        if (withMarkdown) {
            json.put("markdown", r.markdown());
        }
        return json;
    }

    static Map<String, Object> toJson(ArticlePage page) {
        Article a = page.article();
        var json = new LinkedHashMap<String, Object>();
        json.put("slug", a.slug());
        json.put("title", a.title());
        json.put("kind", a.kind());
        json.put("markdown", a.markdown());
        json.put("html", page.rendered().html());
        json.put("tags", a.tags());
        json.put("skills", a.skills());
        json.put("owner", a.owner().orElse(null));
        json.put("revision", a.revision());
        json.put("hidden", a.hidden());
        json.put("createdAt", a.createdAt());
        json.put("updatedAt", a.updatedAt());
        json.put(
                "contributors",
                page.contributors().stream()
                        .map(c -> Map.of(
                                "id", c.id(),
                                "name", c.name(),
                                "share", Math.round(c.share() * 1000) / 1000.0,
                                "edits", c.edits(),
                                "firstAt", c.firstAt(),
                                "lastAt", c.lastAt()))
                        .toList());
        json.put(
                "backlinks",
                page.backlinks().stream()
                        .map(b -> Map.of("slug", b.slug(), "title", b.title()))
                        .toList());
        json.put(
                "headings",
                page.rendered().headings().stream()
                        .map(h -> Map.of("level", h.level(), "anchor", h.anchor(), "text", h.text()))
                        .toList());
        page.redirectedFrom().ifPresent(from -> json.put("redirectedFrom", from));
        return json;
    }
}
