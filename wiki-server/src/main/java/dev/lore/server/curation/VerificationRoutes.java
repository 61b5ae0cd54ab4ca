package dev.lore.server.curation;

import dev.lore.graph.curation.VerificationStore.Status;
import dev.lore.graph.person.Person;
import dev.lore.server.auth.Role;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Requests;
import dev.lore.ui.view.curation.StaleView;
import dev.lore.ui.view.curation.VerificationView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verification over HTTP: {@code GET /api/articles/{slug}/verification}, {@code POST
 * /api/articles/{slug}/verify} ({@code {reviewDays?}}), {@code GET /api/curation/stale}, the verify
 * button's form post and the stale-pages list at {@code /curation/stale}.
 */
public final class VerificationRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(VerificationRoutes.class);

    private final VerificationService verification;
    private final Pages pages;
    private final Function<String, String> names;

    /** {@code names} turns a person id into a display name (the id itself when unknown). */
    public VerificationRoutes(VerificationService verification, Pages pages, Function<String, String> names) {
        this.verification = verification;
        this.pages = pages;
        this.names = names;
    }

    public void register(RoutesConfig routes) {
        routes.get(
                "/api/articles/{slug}/verification", ctx -> ctx.json(json(verification.status(ctx.pathParam("slug")))));
        routes.post("/api/articles/{slug}/verify", this::verifyApi);
        routes.get("/api/curation/stale", this::staleApi);
        routes.post("/wiki/{slug}/verify", this::verifyForm);
        routes.get("/curation/stale", this::stalePage);
        routes.post("/curation/stale/verify", this::verifySelected);
    }

    record VerifyRequest(Integer reviewDays) {}

    private void verifyApi(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        Optional<Integer> days = ctx.body().isBlank()
                ? Optional.empty()
                : Optional.ofNullable(Requests.body(ctx, VerifyRequest.class).reviewDays());
        ctx.json(json(verification.verify(ctx.pathParam("slug"), me, days)));
    }

    private void verifyForm(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        String slug = ctx.pathParam("slug");
        verification.verify(slug, me, Optional.empty());
        ctx.redirect("/wiki/" + slug, HttpStatus.SEE_OTHER);
    }

    /**
     * The list's form: a page's own Verify button ({@code only}) or "Verify selected" (the ticked
     * {@code slug}s); back to the list with a confirmation, so a champion works down it.
     */
    private void verifySelected(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        String only = Optional.ofNullable(ctx.formParam("only")).orElse("").strip();
        List<String> slugs = only.isEmpty()
                ? ctx.formParams("slug").stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList()
                : List.of(only);
        String back = "true".equals(ctx.formParam("mine")) ? "/curation/stale?mine=true&" : "/curation/stale?";
        if (slugs.isEmpty()) {
            ctx.redirect(back + "verified=none", HttpStatus.SEE_OTHER);
            return;
        }
        int n = verification.verifyAll(slugs, me);
        ctx.redirect(back + "verified=" + n, HttpStatus.SEE_OTHER);
    }

    private static Optional<String> notice(Context ctx) {
        String verified = ctx.queryParam("verified");
        if (verified == null) {
            return Optional.empty();
        }
        if (!verified.matches("\\d{1,4}")) {
            return Optional.of("Nothing was verified: tick the pages you checked, then press Verify selected.");
        }
        int n = Integer.parseInt(verified);
        return Optional.of(
                "Verified " + n + (n == 1 ? " page." : " pages.") + " They are due again after their review interval.");
    }

    private void staleApi(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        int limit = Requests.intQuery(ctx, "limit", 50, 1, 500);
        Optional<String> owner = "true".equals(ctx.queryParam("mine")) ? Optional.of(me.id()) : Optional.empty();
        ctx.json(Map.of(
                "stale",
                verification.stale(owner, limit).stream().map(this::json).toList()));
    }

    private void stalePage(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        boolean mine = "true".equals(ctx.queryParam("mine"));
        Instant now = verification.now();
        List<StaleView.Row> rows = verification.stale(mine ? Optional.of(me.id()) : Optional.empty(), 200).stream()
                .map(s -> new StaleView.Row(
                        s.slug(),
                        s.title(),
                        s.owner().orElse(""),
                        s.verifiedAt().map(at -> Pages.ago(at, now)).orElse("never"),
                        daysOverdue(s, now),
                        VerificationService.mayVerify(me, s)))
                .toList();
        pages.render(ctx, "curation/stale.jte", "Pages to verify", new StaleView(mine, rows, notice(ctx)));
    }

    /** The verification line of an article page; empty (and logged) if it cannot be looked up. */
    public Optional<VerificationView> view(String slug, Optional<Person> reader) {
        try {
            Status s = verification.status(slug);
            Instant now = verification.now();
            return Optional.of(new VerificationView(
                    s.verifiedAt().map(at -> Pages.ago(at, now)),
                    s.verifiedBy().map(id -> new VerificationView.PersonRef(id, names.apply(id))),
                    s.staleAt(now),
                    Pages.date(s.dueAt()),
                    reader.map(p -> VerificationService.mayVerify(p, s)).orElse(false)));
        } catch (RuntimeException e) {
            LOG.warn("Could not look up the verification of {}: {}", slug, e.toString());
            return Optional.empty();
        }
    }

    private static long daysOverdue(Status s, Instant now) {
        return Math.max(0, ChronoUnit.DAYS.between(s.dueAt(), now));
    }

    private Map<String, Object> json(Status s) {
        Instant now = verification.now();
        var json = new LinkedHashMap<String, Object>();
        json.put("slug", s.slug());
        json.put("title", s.title());
        json.put("owner", s.owner().orElse(null));
        json.put("verifiedAt", s.verifiedAt().orElse(null));
        json.put("verifiedBy", s.verifiedBy().orElse(null));
        json.put("reviewDays", s.reviewDays());
        json.put("dueAt", s.dueAt());
        json.put("stale", s.staleAt(now));
        json.put("daysOverdue", daysOverdue(s, now));
        return json;
    }
}
