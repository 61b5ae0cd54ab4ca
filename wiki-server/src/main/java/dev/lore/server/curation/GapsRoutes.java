package dev.lore.server.curation;

import dev.lore.server.auth.Role;
import dev.lore.server.handover.BusFactorService;
import dev.lore.server.handover.BusFactorViews;
import dev.lore.server.handover.HandoverJson;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Requests;
import dev.lore.ui.view.curation.GapsView;
import dev.lore.ui.view.handover.BusFactorView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Gaps for champions: {@code GET /api/curation/gaps?days=&unansweredDays=} and the page at {@code /curation/gaps}. */
public final class GapsRoutes {
    private final GapsService gaps;
    private final Pages pages;
    private final Clock clock;
    private final Optional<BusFactorService> busFactor;

    public GapsRoutes(GapsService gaps, Pages pages, Clock clock) {
        this(gaps, pages, clock, Optional.empty());
    }

    /** As above, with the bus factor (skills and pages that rest on few people or on people who left). */
    public GapsRoutes(GapsService gaps, Pages pages, Clock clock, Optional<BusFactorService> busFactor) {
        this.gaps = gaps;
        this.pages = pages;
        this.clock = clock;
        this.busFactor = busFactor;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/curation/gaps", this::api);
        routes.get("/curation/gaps", this::page);
    }

    private GapsService.Gaps find(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        return gaps.gaps(
                Requests.intQuery(ctx, "days", 30, 1, 365), Requests.intQuery(ctx, "unansweredDays", 7, 0, 365));
    }

    private void api(Context ctx) {
        GapsService.Gaps g = find(ctx);
        var json = new LinkedHashMap<String, Object>();
        json.put(
                "searchesWithoutResults",
                g.searches().stream()
                        .map(s -> Map.of(
                                "query", s.query(),
                                "times", s.times(),
                                "weak", s.weak(),
                                "lastAt", s.lastAt(),
                                "action", s.action()))
                        .toList());
        json.put(
                "pageRequests",
                g.requests().stream()
                        .map(r -> Map.of(
                                "query", r.requested().query(),
                                "times", r.requested().times(),
                                "askedBy",
                                        r.requested().askers().stream()
                                                .map(a -> a.id())
                                                .toList(),
                                "lastAt", r.requested().lastAt(),
                                "action", r.action()))
                        .toList());
        json.put(
                "unansweredQuestions",
                g.questions().stream()
                        .map(q -> Map.of(
                                "id", q.id(),
                                "title", q.title(),
                                "askedAt", q.askedAt(),
                                "days", q.days(),
                                "action", q.action()))
                        .toList());
        json.put(
                "skillsWithoutExperts",
                g.skills().stream()
                        .map(k -> Map.of(
                                "skill",
                                k.skill(),
                                "demand",
                                Map.of(
                                        "searches", k.demand().searches(),
                                        "questions", k.demand().questions(),
                                        "wantsToLearn", k.demand().wantsToLearn()),
                                "action",
                                k.action()))
                        .toList());
        busFactor.ifPresent(b -> json.put("busFactor", HandoverJson.busFactor(b.busFactor())));
        ctx.json(json);
    }

    private void page(Context ctx) {
        GapsService.Gaps g = find(ctx);
        var now = clock.instant();
        var view = new GapsView(
                Requests.intQuery(ctx, "days", 30, 1, 365),
                Requests.intQuery(ctx, "unansweredDays", 7, 0, 365),
                g.searches().stream()
                        .map(s -> new GapsView.Search(
                                s.query(), s.times(), s.weak(), Pages.ago(s.lastAt(), now), s.action()))
                        .toList(),
                g.questions().stream()
                        .map(q -> new GapsView.Question(q.title(), Pages.ago(q.askedAt(), now), q.days(), q.action()))
                        .toList(),
                g.skills().stream()
                        .map(k -> new GapsView.Skill(
                                k.skill(),
                                k.demand().searches(),
                                k.demand().questions(),
                                k.demand().wantsToLearn(),
                                k.action()))
                        .toList(),
                busFactor.map(b -> BusFactorViews.of(b.busFactor())).orElse(BusFactorView.NONE),
                g.requests().stream()
                        .map(r -> new GapsView.Request(
                                r.requested().query(),
                                r.requested().times(),
                                r.requested().askers().stream()
                                        .map(a -> new GapsView.Asker(a.id(), a.name()))
                                        .toList(),
                                Pages.ago(r.requested().lastAt(), now),
                                r.action()))
                        .toList());
        pages.render(ctx, "curation/gaps.jte", "Gaps", view);
    }
}
