package dev.lore.server.search;

import dev.lore.indexer.SearchHit;
import dev.lore.indexer.SearchRequest;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Requests;
import dev.lore.ui.Urls;
import dev.lore.ui.view.search.FacetValueView;
import dev.lore.ui.view.search.FacetView;
import dev.lore.ui.view.search.HitView;
import dev.lore.ui.view.search.PersonCardView;
import dev.lore.ui.view.search.SearchView;
import dev.lore.ui.view.search.SkillCardView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Search over HTTP: {@code GET /api/search}, the results page, click logging
 * ({@code POST /api/search/{id}/clicks} and the {@code /search/go} redirect the page's links use),
 * and {@code GET /api/search/misses} for champions. Any query text is accepted; none gives a 500.
 */
public final class SearchRoutes {
    private static final Map<String, String> FACET_PARAMS =
            Map.of("type", "type", "tags", "tag", "skills", "skill", "authors", "author", "updated", "updated");
    private static final Map<String, String> FACET_LABELS =
            Map.of("type", "Type", "tags", "Tags", "skills", "Skills", "authors", "Contributors", "updated", "Updated");

    private final SearchService search;
    private final Pages pages;
    private final Clock clock;
    private final java.util.function.BiFunction<String, Optional<String>, List<dev.lore.ui.view.expertise.ExpertView>>
            experts;

    /**
     * @param experts the few people who know most about a query, for the "experts on this" panel,
     *     the searcher (by id, when signed in) left out
     */
    public SearchRoutes(
            SearchService search,
            Pages pages,
            Clock clock,
            java.util.function.BiFunction<String, Optional<String>, List<dev.lore.ui.view.expertise.ExpertView>>
                    experts) {
        this.search = search;
        this.pages = pages;
        this.clock = clock;
        this.experts = experts;
    }

    /** A click on a result. */
    public record ClickRequest(Integer position, String slug) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/search", this::api);
        routes.post("/api/search/{id}/clicks", this::click);
        routes.get("/api/search/misses", this::misses);
        routes.get("/search", this::page);
        routes.get("/search/go", this::go);
        routes.get("/api/suggest", this::suggest);
    }

    /** Where a hit of each type lives. */
    static String urlFor(String type, String slug) {
        return switch (type) {
            case "person" -> "/people/" + Urls.encode(slug);
            case "skill" -> "/search?q=" + Urls.encode("skill:\"" + slug + "\"");
            case "question" -> "/questions/" + Urls.encode(slug);
            case "attachment" -> slug + "#files"; // the page holding the file
            default -> "/wiki/" + slug;
        };
    }

    private void suggest(Context ctx) {
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        int limit = Requests.intQuery(ctx, "limit", 8, 1, 20);
        var suggestions = search.suggest(q, limit).stream()
                .map(s -> Map.of(
                        "type", s.type(), "slug", s.slug(), "title", s.title(), "url", urlFor(s.type(), s.slug())))
                .toList();
        ctx.json(Map.of("suggestions", suggestions));
    }

    private SearchService.Query query(Context ctx, int defaultSize) {
        return SearchService.query(
                ctx.queryParam("q"),
                values(ctx, "type"),
                values(ctx, "tag"),
                values(ctx, "skill"),
                values(ctx, "author"),
                ctx.queryParam("updated"),
                ctx.queryParam("sort"),
                Requests.intQuery(ctx, "page", 1, 1, 1000),
                Requests.intQuery(ctx, "size", defaultSize, 1, 100));
    }

    private void api(Context ctx) {
        SearchService.Query q = query(ctx, 10);
        SearchService.Outcome outcome = search.search(q, CurrentUser.of(ctx));
        var json = new LinkedHashMap<String, Object>();
        json.put("total", outcome.results().total());
        json.put("page", q.page());
        json.put("size", q.size());
        json.put("searchId", outcome.searchId());
        json.put(
                "hits",
                outcome.results().hits().stream().map(SearchRoutes::hitJson).toList());
        json.put("facets", outcome.results().facets());
        json.put("didYouMean", outcome.results().didYouMean().orElse(null));
        json.put("fuzzy", outcome.results().fuzzy());
        json.put("people", outcome.people());
        json.put("skills", outcome.skills());
        ctx.json(json);
    }

    private void click(Context ctx) {
        ClickRequest body = Requests.body(ctx, ClickRequest.class);
        if (body.position() == null || body.position() < 1 || body.position() > 10_000) {
            throw new InvalidInputException("position must be 1-10000");
        }
        if (!search.click(ctx.pathParam("id"), body.position(), body.slug() == null ? "" : body.slug())) {
            throw new NotFoundException("no search '" + ctx.pathParam("id") + "'");
        }
        ctx.status(204);
    }

    private void go(Context ctx) {
        String to = Optional.ofNullable(ctx.queryParam("to")).orElse("/");
        boolean local = to.startsWith("/wiki/")
                || to.startsWith("/questions/")
                || to.startsWith("/people/")
                || to.startsWith("/search?");
        if (!local
                || to.contains("//")
                || dev.lore.server.web.LocalPaths.local(to).isEmpty()) {
            throw new InvalidInputException("to must be a page of this wiki");
        }
        String id = ctx.queryParam("s");
        int position = Requests.intQuery(ctx, "p", 0, 0, 10_000);
        if (id != null && position > 0) {
            search.click(id, position, to.substring(to.indexOf('/', 1) + 1));
        }
        ctx.redirect(to, HttpStatus.SEE_OTHER);
    }

    private void misses(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        int days = Requests.intQuery(ctx, "days", 30, 1, 3650);
        ctx.json(Map.of("days", days, "misses", search.misses(days, 100)));
    }

    private void page(Context ctx) {
        SearchService.Query q = query(ctx, 10);
        SearchService.Outcome outcome = search.search(q, CurrentUser.of(ctx));
        var results = outcome.results();
        var hits = new ArrayList<HitView>();
        for (int i = 0; i < results.hits().size(); i++) {
            SearchHit h = results.hits().get(i);
            int position = (q.page() - 1) * q.size() + i + 1;
            String url = "/search/go?s=" + outcome.searchId() + "&p=" + position + "&to="
                    + Urls.encode(urlFor(h.type(), h.slug()));
            hits.add(new HitView(
                    h.slug(), h.title(), h.snippet(), h.tags(), Pages.ago(h.updatedAt(), clock.instant()), url));
        }
        var current = new Selection(ctx);
        var view = new SearchView(
                q.text(),
                results.total(),
                hits,
                q.page(),
                (long) q.page() * q.size() < results.total(),
                results.didYouMean(),
                results.didYouMean().map(s -> current.with("q", s).url()),
                results.fuzzy(),
                facets(results.facets(), current),
                outcome.people().stream()
                        .map(p -> new PersonCardView(p.id(), p.name(), p.team(), p.title(), p.topSkills()))
                        .toList(),
                outcome.skills().stream()
                        .map(s -> new SkillCardView(
                                s.name(),
                                s.articles(),
                                s.topContributors(),
                                "/search?q=" + Urls.encode("skill:\"" + s.name() + "\"")))
                        .toList(),
                q.order() == SearchRequest.Order.RECENT,
                current.without("sort").url(),
                current.with("sort", "recent").url(),
                current.with("page", Integer.toString(q.page() - 1)).url(),
                current.with("page", Integer.toString(q.page() + 1)).url(),
                q.page() == 1 && !q.text().isBlank() && q.text().length() <= 1_000
                        ? experts.apply(q.text(), CurrentUser.of(ctx).map(p -> p.id()))
                        : List.of());
        pages.render(ctx, "search/search.jte", q.text().isBlank() ? "Search" : q.text(), view);
    }

    private static List<FacetView> facets(Map<String, Map<String, Long>> counts, Selection current) {
        var views = new ArrayList<FacetView>();
        for (var facet : counts.entrySet()) {
            String param = FACET_PARAMS.get(facet.getKey());
            if (param == null || facet.getValue().isEmpty()) {
                continue;
            }
            var values = new ArrayList<FacetValueView>();
            for (var value : facet.getValue().entrySet()) {
                if (value.getValue() == 0 || values.size() >= 10) {
                    continue;
                }
                boolean selected = current.has(param, value.getKey());
                Selection next = param.equals("updated")
                        ? (selected ? current.without("updated") : current.with("updated", value.getKey()))
                        : current.toggle(param, value.getKey());
                values.add(new FacetValueView(
                        value.getKey(),
                        label(facet.getKey(), value.getKey()),
                        value.getValue(),
                        selected,
                        next.without("page").url()));
            }
            if (!values.isEmpty()) {
                views.add(new FacetView(facet.getKey(), FACET_LABELS.get(facet.getKey()), values));
            }
        }
        return views;
    }

    private static String label(String facet, String value) {
        if (!facet.equals("updated")) {
            return value;
        }
        return switch (value) {
            case "week" -> "Last week";
            case "month" -> "Last month";
            case "year" -> "Last year";
            default -> "Older";
        };
    }

    private static List<String> values(Context ctx, String name) {
        return ctx.queryParams(name).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .limit(20)
                .toList();
    }

    private static Map<String, Object> hitJson(SearchHit h) {
        var json = new LinkedHashMap<String, Object>();
        json.put("type", h.type());
        json.put("slug", h.slug());
        json.put("title", h.title());
        json.put("url", urlFor(h.type(), h.slug()));
        json.put("snippet", h.snippet());
        json.put("score", h.score());
        json.put("tags", h.tags());
        json.put("updatedAt", h.updatedAt());
        return json;
    }

    /** The current search's parameters, for building links that change one of them. */
    private record Selection(Map<String, List<String>> params) {
        Selection(Context ctx) {
            this(copy(ctx.queryParamMap()));
        }

        boolean has(String name, String value) {
            return params.getOrDefault(name, List.of()).contains(value);
        }

        Selection with(String name, String value) {
            var next = copy(params);
            next.put(name, List.of(value));
            return new Selection(next);
        }

        Selection without(String name) {
            var next = copy(params);
            next.remove(name);
            return new Selection(next);
        }

        Selection toggle(String name, String value) {
            var next = copy(params);
            var values = new ArrayList<>(next.getOrDefault(name, List.of()));
            if (!values.remove(value)) {
                values.add(value);
            }
            next.put(name, values);
            return new Selection(next);
        }

        String url() {
            String query = params.entrySet().stream()
                    .flatMap(e -> e.getValue().stream().map(v -> Urls.encode(e.getKey()) + "=" + Urls.encode(v)))
                    .collect(Collectors.joining("&"));
            return "/search" + (query.isEmpty() ? "" : "?" + query);
        }

        private static Map<String, List<String>> copy(Map<String, List<String>> source) {
            var copy = new LinkedHashMap<String, List<String>>();
            source.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
            return copy;
        }
    }
}
