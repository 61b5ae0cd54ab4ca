package dev.lore.server.impact;

import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Requests;
import dev.lore.ui.Urls;
import dev.lore.ui.view.impact.ChartView;
import dev.lore.ui.view.impact.ImpactView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Impact for champions: {@code GET /api/impact} (JSON, or CSV with {@code format=csv}), {@code GET
 * /api/impact.csv}, {@code GET /api/impact/top-helpers}, {@code GET /api/impact/taught-pages} and the dashboard at {@code /impact}. Every
 * one takes the same filters: {@code from}, {@code to} (ISO dates), {@code team}, {@code skill}.
 */
public final class ImpactRoutes {
    private static final int MAX_TEXT = 200;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final ImpactService impact;
    private final Pages pages;

    public ImpactRoutes(ImpactService impact, Pages pages) {
        this.impact = impact;
        this.pages = pages;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/impact", this::api);
        routes.get("/api/impact.csv", this::csv);
        routes.get("/api/impact/top-helpers", this::topHelpers);
        routes.get("/api/impact/taught-pages", this::taughtPages);
        routes.get("/impact", this::page);
    }

    private ImpactService.Report report(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        return impact.report(
                new ImpactService.Filters(date(ctx, "from"), date(ctx, "to"), text(ctx, "team"), text(ctx, "skill")));
    }

    private void api(Context ctx) {
        String format =
                Optional.ofNullable(ctx.queryParam("format")).orElse("json").strip();
        if (format.equals("csv")) {
            csv(ctx);
            return;
        }
        if (!format.equals("json") && !format.isEmpty()) {
            throw new InvalidInputException("format must be json or csv, was '" + abbreviate(format) + "'");
        }
        ImpactService.Report r = report(ctx);
        var json = new LinkedHashMap<String, Object>();
        json.put("from", r.from());
        json.put("to", r.to());
        json.put("team", r.team());
        json.put("skill", r.skill());
        json.put("skillKnown", r.skillKnown());
        json.put(
                "weeks",
                r.weeks().stream()
                        .map(w -> {
                            var week = new LinkedHashMap<String, Object>();
                            week.put("week", w.week());
                            week.put("start", w.start());
                            week.put("end", w.end());
                            week.putAll(figures(w.figures()));
                            return week;
                        })
                        .toList());
        json.put("totals", figures(r.totals()));
        json.put("notes", r.notes());
        ctx.json(json);
    }

    static Map<String, Object> figures(ImpactService.Figures f) {
        var m = new LinkedHashMap<String, Object>();
        m.put("activeContributors", f.activeContributors());
        m.put("newArticles", f.newArticles());
        m.put("updatedArticles", f.updatedArticles());
        m.put("questionsAsked", f.questionsAsked());
        m.put("questionsAnswered", f.questionsAnswered());
        m.put("medianHoursToFirstAnswer", f.medianHoursToFirstAnswer().orElse(null));
        m.put("searches", f.searches());
        m.put("searchesWithClick", f.searchesWithClick());
        m.put("searchSuccessRate", f.searchSuccessRate().orElse(null));
        m.put("pathCompletions", f.pathCompletions());
        m.put("kudos", f.kudos());
        return m;
    }

    private void csv(Context ctx) {
        ImpactService.Report r = report(ctx);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + ImpactCsv.filename(r) + "\"");
        ctx.result(ImpactCsv.write(r));
    }

    private ImpactService.TopHelpers helpers(Context ctx, int limit) {
        CurrentUser.require(ctx, Role.CHAMPION);
        return impact.topHelpers(month(ctx), text(ctx, "team"), text(ctx, "skill"), limit);
    }

    private void topHelpers(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        var top = helpers(ctx, Requests.intQuery(ctx, "limit", 10, 1, 50));
        var json = new LinkedHashMap<String, Object>();
        json.put("month", top.month().toString());
        json.put("team", top.team());
        json.put("skill", top.skill());
        json.put(
                "helpers",
                top.helpers().stream()
                        .map(h -> {
                            var m = new LinkedHashMap<String, Object>();
                            m.put(
                                    "person",
                                    Map.of(
                                            "id",
                                            h.person().id(),
                                            "name",
                                            h.person().name()));
                            m.put("team", h.team());
                            m.put("peopleHelped", h.peopleHelped());
                            m.put("answersAccepted", h.answersAccepted());
                            m.put("helpfulVotes", h.helpfulVotes());
                            m.put("kudosReceived", h.kudosReceived());
                            m.put("readers", h.readers());
                            m.put("learners", h.learners());
                            m.put("why", h.why());
                            return m;
                        })
                        .toList());
        ctx.json(json);
    }

    private List<dev.lore.graph.impact.ImpactStore.TaughtPage> taught(Context ctx, int limit) {
        CurrentUser.require(ctx, Role.CHAMPION);
        return impact.pagesThatTaught(month(ctx), text(ctx, "team"), text(ctx, "skill"), limit);
    }

    private void taughtPages(Context ctx) {
        var pages = taught(ctx, Requests.intQuery(ctx, "limit", 10, 1, 50));
        ctx.json(Map.of(
                "pages",
                pages.stream()
                        .map(p -> Map.of("slug", p.slug(), "title", p.title(), "marks", p.marks(), "notes", p.notes()))
                        .toList()));
    }

    private void page(Context ctx) {
        ImpactService.Report r = report(ctx);
        var top = helpers(ctx, 10);
        List<String> weeks = r.weeks().stream().map(w -> w.week().substring(5)).toList();
        String span = r.weeks().getFirst().week() + " to " + r.weeks().getLast().week();
        var charts = List.of(
                ChartView.bars(
                        "chart-active",
                        "Active contributors",
                        "People who wrote, asked, answered or commented, per week, " + span + ". "
                                + r.totals().activeContributors() + " different people in all.",
                        weeks,
                        List.of(series(r, "Active contributors", f -> (double) f.activeContributors()))),
                ChartView.bars(
                        "chart-articles",
                        "New and updated articles",
                        "Articles created and articles updated per week, " + span + ": "
                                + r.totals().newArticles() + " new, "
                                + r.totals().updatedArticles() + " updated.",
                        weeks,
                        List.of(series(r, "New", f -> (double) f.newArticles()), series(r, "Updated", f ->
                                (double) f.updatedArticles()))),
                ChartView.bars(
                        "chart-questions",
                        "Questions asked and answered",
                        "Questions asked and questions that got their first answer per week, " + span + ": "
                                + r.totals().questionsAsked() + " asked, "
                                + r.totals().questionsAnswered()
                                + " answered.",
                        weeks,
                        List.of(series(r, "Asked", f -> (double) f.questionsAsked()), series(r, "Answered", f ->
                                (double) f.questionsAnswered()))),
                ChartView.bars(
                        "chart-recognition",
                        "Path completions and kudos",
                        "Learning paths finished and kudos given per week, " + span + ": "
                                + r.totals().pathCompletions() + " completions, "
                                + r.totals().kudos() + " kudos.",
                        weeks,
                        List.of(
                                series(r, "Path completions", f -> (double) f.pathCompletions()),
                                series(r, "Kudos", f -> (double) f.kudos()))),
                ChartView.lines(
                        "chart-search",
                        "Search success rate",
                        "Share of searches followed by a click on a result, per week, " + span + ": "
                                + percent(r.totals().searchSuccessRate()) + " over the range.",
                        weeks,
                        List.of(series(
                                r, "Search success", f -> f.searchSuccessRate().orElse(null))),
                        true),
                ChartView.lines(
                        "chart-answer-time",
                        "Median hours to first answer",
                        "For questions asked each week that have an answer, the median hours until the first one, "
                                + span + ": " + hours(r.totals().medianHoursToFirstAnswer()) + " over the range.",
                        weeks,
                        List.of(series(
                                r,
                                "Median hours",
                                f -> f.medianHoursToFirstAnswer().orElse(null))),
                        false));
        var rows = r.weeks().stream()
                .map(w -> row(w.week(), DAY.format(w.start()) + " – " + DAY.format(w.end()), w.figures()))
                .toList();
        var view = new ImpactView(
                r.from().toString(),
                r.to().toString(),
                r.team().orElse(""),
                r.skill().orElse(""),
                "Showing " + span + " (" + r.from() + " to " + r.to() + ")"
                        + r.team().map(t -> ", team " + t).orElse("")
                        + r.skill().map(s -> ", skill " + s).orElse("") + ".",
                impact.teams(),
                notes(r),
                charts,
                rows,
                row("Total", "", r.totals()),
                "/api/impact.csv" + query(ctx),
                MONTH.format(top.month()),
                top.helpers().stream()
                        .map(h -> new ImpactView.Helper(
                                h.person().id(), h.person().name(), h.team(), h.why()))
                        .toList(),
                taught(ctx, 10).stream()
                        .map(p -> new ImpactView.TaughtPage(p.slug(), p.title(), p.marks(), p.notes()))
                        .toList());
        pages.render(ctx, "impact/impact.jte", "Impact", view);
    }

    private static List<String> notes(ImpactService.Report r) {
        var notes = new ArrayList<>(r.notes());
        if (!r.skillKnown()) {
            notes.addFirst("Lore has no skill called “" + r.skill().orElse("") + "”: every figure for it is zero.");
        }
        return notes;
    }

    private static ChartView.Series series(
            ImpactService.Report r, String name, Function<ImpactService.Figures, Double> value) {
        return new ChartView.Series(
                name,
                r.weeks().stream()
                        .map(w -> value.apply(w.figures()))
                        .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
    }

    private static ImpactView.Row row(String week, String dates, ImpactService.Figures f) {
        return new ImpactView.Row(
                week,
                dates,
                f.activeContributors(),
                f.newArticles(),
                f.updatedArticles(),
                f.questionsAsked(),
                f.questionsAnswered(),
                hours(f.medianHoursToFirstAnswer()),
                f.searches(),
                percent(f.searchSuccessRate()),
                f.pathCompletions(),
                f.kudos());
    }

    private static String hours(Optional<Double> h) {
        return h.map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse("–");
    }

    private static String percent(Optional<Double> rate) {
        return rate.map(v -> Math.round(v * 100) + "%").orElse("–");
    }

    /** The page's filters as a query string, for the CSV link. */
    private static String query(Context ctx) {
        var parts = new ArrayList<String>();
        for (String name : List.of("from", "to", "team", "skill")) {
            String v = ctx.queryParam(name);
            if (v != null && !v.isBlank()) {
                parts.add(name + "=" + Urls.encode(v.strip()));
            }
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static Optional<LocalDate> date(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(raw.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name + " must be a date like 2026-01-31, was '" + abbreviate(raw) + "'");
        }
    }

    private static Optional<YearMonth> month(Context ctx) {
        String raw = ctx.queryParam("month");
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(raw.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month must be like 2026-01, was '" + abbreviate(raw) + "'");
        }
    }

    private static Optional<String> text(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String v = raw.strip();
        if (v.length() > MAX_TEXT) {
            throw new InvalidInputException(name + " must be 1-" + MAX_TEXT + " characters, was " + v.length());
        }
        return Optional.of(v);
    }

    private static String abbreviate(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    }
}
