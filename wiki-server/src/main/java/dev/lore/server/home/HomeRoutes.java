package dev.lore.server.home;

import dev.lore.graph.Graph;
import dev.lore.indexer.LoreIndex;
import dev.lore.indexer.SearchRequest;
import dev.lore.server.article.ArticleService;
import dev.lore.server.expertise.ExpertService;
import dev.lore.server.learning.PathPages;
import dev.lore.server.person.PersonService;
import dev.lore.server.question.QuestionPages;
import dev.lore.server.question.QuestionService;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.ui.view.article.ArticleItem;
import dev.lore.ui.view.home.FeaturedItem;
import dev.lore.ui.view.home.HomeView;
import dev.lore.ui.view.home.PopularItem;
import dev.lore.ui.view.question.QuestionRowView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The home page and {@code GET /api/health}. The home page's "Start here" block lists articles
 * tagged {@value #START_HERE_TAG}, found through the index; champions' featured collections and the
 * reader's onboarding path sit beside it.
 */
public final class HomeRoutes {
    public static final String START_HERE_TAG = "onboarding";
    private static final int START_HERE_LIMIT = 6;
    private static final int RECENT_LIMIT = 12;
    private static final int POPULAR_LIMIT = 5;
    private static final int WAITING_LIMIT = 5;

    private final ArticleService articles;
    private final PersonService people;
    private final Graph graph;
    private final ExpertService reads;
    private final QuestionService questions;
    private final PathPages paths;
    private final LoreIndex index;
    private final Pages pages;
    private final Clock clock;
    private final HomeFigures figures;

    public HomeRoutes(
            ArticleService articles,
            PersonService people,
            Graph graph,
            ExpertService reads,
            QuestionService questions,
            PathPages paths,
            LoreIndex index,
            Pages pages,
            Clock clock) {
        this.articles = articles;
        this.people = people;
        this.graph = graph;
        this.reads = reads;
        this.questions = questions;
        this.paths = paths;
        this.index = index;
        this.pages = pages;
        this.clock = clock;
        this.figures = new HomeFigures(graph, () -> articles.list(0, RECENT_LIMIT), articles::count, people::count);
    }

    public void register(RoutesConfig routes) {
        var oneRead = dev.lore.server.web.OneRead.of(graph);
        routes.get("/", ctx -> oneRead.run(() -> home(ctx)));
        routes.get("/api/health", this::health);
    }

    private void home(Context ctx) {
        HomeFigures.Figures figures = this.figures.now();
        List<ArticleItem> recent = figures.recent().stream()
                .map(s -> new ArticleItem(
                        s.slug(), s.title(), s.tags(), Pages.ago(s.updatedAt(), clock.instant()), s.revision()))
                .toList();
        pages.render(
                ctx,
                "home/home.jte",
                "Home",
                new HomeView(
                        paths.onboarding(CurrentUser.of(ctx)),
                        paths.homeCollections(CurrentUser.of(ctx)),
                        startHere(),
                        START_HERE_TAG,
                        recent,
                        popular(),
                        waiting(),
                        figures.articles(),
                        figures.people()));
    }

    /** Questions nobody has answered yet, newest first: a reason to stop by and help. */
    private List<QuestionRowView> waiting() {
        var now = clock.instant();
        return questions.list(true, 0, WAITING_LIMIT).stream()
                .map(q -> QuestionPages.row(q, now))
                .toList();
    }

    /** Read by the most colleagues in the last seven days (signed-in reads; a person counts once). */
    private List<PopularItem> popular() {
        return reads.popular(clock.instant().minus(Duration.ofDays(7)), POPULAR_LIMIT).stream()
                .map(p -> new PopularItem(p.slug(), p.title(), p.readers()))
                .toList();
    }

    private List<FeaturedItem> startHere() {
        var request = new SearchRequest(
                "",
                List.of("article"),
                List.of(START_HERE_TAG),
                List.of(),
                List.of(),
                "",
                SearchRequest.Order.RELEVANCE,
                clock.instant(),
                0,
                START_HERE_LIMIT);
        return index.search(request).hits().stream()
                .map(h -> new FeaturedItem(h.slug(), h.title(), h.snippet()))
                .toList();
    }

    private void health(Context ctx) {
        boolean up = graph.isUp();
        var json = new LinkedHashMap<String, Object>();
        json.put("status", up ? "ok" : "degraded");
        json.put("graph", up ? "up" : "down");
        json.put("indexedSeq", index.appliedSeq());
        json.put("articles", up ? articles.count() : null);
        json.put("indexedDocs", index.docCount());
        // liveness: the process answers; whether it should get traffic is /api/ready
        ctx.status(200).json(json);
    }
}
