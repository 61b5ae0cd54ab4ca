package dev.lore.server.search;

import dev.lore.indexer.LoreIndex;
import dev.lore.indexer.SearchHit;
import dev.lore.indexer.SearchRequest;
import dev.lore.indexer.SearchResults;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Requests;
import dev.lore.ui.view.HitView;
import dev.lore.ui.view.SearchView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /api/search} and the results page. Any query text is accepted; none gives a 500. */
public final class SearchRoutes {
    private final LoreIndex index;
    private final Pages pages;
    private final Clock clock;

    public SearchRoutes(LoreIndex index, Pages pages, Clock clock) {
        this.index = index;
        this.pages = pages;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/search", this::api);
        routes.get("/search", this::page);
    }

    private SearchResults search(Context ctx, int page, int size) {
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        return index.search(new SearchRequest(q, (page - 1) * size, size));
    }

    private void api(Context ctx) {
        int page = pageParam(ctx);
        int size = Requests.intQuery(ctx, "size", 10, 1, 100);
        SearchResults results = search(ctx, page, size);
        List<Map<String, Object>> hits =
                results.hits().stream().map(SearchRoutes::hitJson).toList();
        ctx.json(Map.of("total", results.total(), "page", page, "size", size, "hits", hits));
    }

    private void page(Context ctx) {
        int page = pageParam(ctx);
        int size = 10;
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        SearchResults results = search(ctx, page, size);
        List<HitView> hits = results.hits().stream()
                .map(h -> new HitView(
                        h.slug(), h.title(), h.snippet(), h.tags(), Pages.ago(h.updatedAt(), clock.instant())))
                .toList();
        var view = new SearchView(q, results.total(), hits, page, (long) page * size < results.total());
        pages.render(ctx, "search.jte", q.isBlank() ? "Search" : q, view);
    }

    private static int pageParam(Context ctx) {
        return Requests.intQuery(ctx, "page", 1, 1, 1000);
    }

    private static Map<String, Object> hitJson(SearchHit h) {
        var json = new LinkedHashMap<String, Object>();
        json.put("type", h.type());
        json.put("slug", h.slug());
        json.put("title", h.title());
        json.put("snippet", h.snippet());
        json.put("score", h.score());
        json.put("tags", h.tags());
        json.put("updatedAt", h.updatedAt());
        return json;
    }
}
