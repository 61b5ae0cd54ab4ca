package dev.lore.server.moderation;

import dev.lore.graph.article.Article;
import dev.lore.graph.moderation.AuditEvent;
import dev.lore.graph.moderation.FlagOutcomes;
import dev.lore.graph.moderation.QueueItem;
import dev.lore.graph.person.Person;
import dev.lore.server.auth.Role;
import dev.lore.server.error.ConflictException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.LocalPaths;
import dev.lore.server.web.Pages;
import dev.lore.ui.Urls;
import dev.lore.ui.view.moderation.FlaggedView;
import dev.lore.ui.view.moderation.HiddenView;
import dev.lore.ui.view.moderation.ModerationView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Moderation pages and forms (no JavaScript needed): the flag form's post, the review queue at
 * {@code /moderation} with hide, restore and dismiss forms and the recent audit log, and the
 * "hidden by" banner champions see on a hidden page.
 */
public final class ModerationPages {
    private final ModerationService moderation;
    private final Pages pages;
    private final Clock clock;

    public ModerationPages(ModerationService moderation, Pages pages, Clock clock) {
        this.moderation = moderation;
        this.pages = pages;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/moderation/flag", this::flag);
        routes.get("/moderation", this::queue);
        routes.get(
                "/moderation/already-flagged",
                ctx -> pages.render(
                        ctx,
                        "moderation/flagged.jte",
                        "Already flagged",
                        new FlaggedView(back(ctx.queryParam("back")))));
        routes.post("/moderation/flags/{id}/send-to-owner", ctx -> settle(ctx, FlagOutcomes.Outcome.SENT_TO_OWNER));
        routes.post("/moderation/flags/{id}/fixed", ctx -> settle(ctx, FlagOutcomes.Outcome.FIXED));
        routes.post("/moderation/flags/{id}/dismiss", ctx -> {
            Person me = CurrentUser.require(ctx, Role.CHAMPION);
            moderation.dismiss(me, ctx.pathParam("id"), Optional.ofNullable(ctx.formParam("reason")));
            ctx.redirect("/moderation", HttpStatus.SEE_OTHER);
        });
        routes.post("/moderation/{kind}/{target}/hide", ctx -> {
            Person me = CurrentUser.require(ctx, Role.CHAMPION);
            moderation.hide(me, ctx.pathParam("kind"), ctx.pathParam("target"), ctx.formParam("reason"));
            ctx.redirect("/moderation", HttpStatus.SEE_OTHER);
        });
        routes.post("/moderation/{kind}/{target}/restore", ctx -> {
            Person me = CurrentUser.require(ctx, Role.CHAMPION);
            moderation.restore(me, ctx.pathParam("kind"), ctx.pathParam("target"), ctx.formParam("reason"));
            ctx.redirect("/moderation", HttpStatus.SEE_OTHER);
        });
    }

    private void flag(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        String back = back(ctx.formParam("back"));
        try {
            moderation.flag(
                    me,
                    ctx.formParam("targetKind"),
                    ctx.formParam("target"),
                    ctx.formParam("reason"),
                    Optional.ofNullable(ctx.formParam("note")));
        } catch (ConflictException e) {
            // a second flag on the same content from the form: say so kindly, the first one stands
            ctx.redirect("/moderation/already-flagged?back=" + Urls.encode(back), HttpStatus.SEE_OTHER);
            return;
        }
        ctx.redirect(dev.lore.server.web.Notices.url(back, "flag"), HttpStatus.SEE_OTHER);
    }

    /** A local page to go back to: a path on this site, else the home page. */
    private static String back(String raw) {
        return LocalPaths.localOr(raw, "/");
    }

    private void queue(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.CHAMPION);
        var now = clock.instant();
        var items = moderation.queue(me).stream().map(q -> item(q, now)).toList();
        var audit = moderation.audit(me, 50).stream().map(e -> event(e, now)).toList();
        var hidden = moderation.hiddenContent(me, 100).stream()
                .map(h -> new ModerationView.HiddenRow(
                        h.kind(),
                        h.target(),
                        h.title(),
                        h.excerpt(),
                        h.link(),
                        h.hidden().by().name(),
                        h.hidden().reason(),
                        Pages.ago(h.hidden().at(), now)))
                .toList();
        pages.render(ctx, "moderation/moderation.jte", "Review", new ModerationView(items, audit, hidden));
    }

    /** The banner of a hidden article, for a champion; empty if it is not hidden. */
    public Optional<HiddenView> hidden(Article article) {
        return moderation
                .hidden("article", article.slug())
                .map(h -> new HiddenView(
                        "article", article.slug(), h.by().name(), h.reason(), Pages.ago(h.at(), clock.instant())));
    }

    private static ModerationView.Item item(QueueItem q, java.time.Instant now) {
        return new ModerationView.Item(
                q.targetKind(),
                q.targetId(),
                q.title(),
                q.link(),
                q.hidden(),
                q.count(),
                q.reasons().entrySet().stream()
                        .map(e -> e.getKey() + " ×" + e.getValue())
                        .collect(Collectors.joining(", ")),
                q.flags().stream()
                        .map(f -> new ModerationView.FlagRow(
                                f.id(),
                                f.by().id(),
                                f.by().name(),
                                f.reason(),
                                f.note().orElse(""),
                                Pages.ago(f.at(), now)))
                        .toList());
    }

    private static ModerationView.Event event(AuditEvent e, java.time.Instant now) {
        return new ModerationView.Event(
                e.action(),
                e.targetKind(),
                e.targetId(),
                e.actor(),
                e.actorName(),
                e.reason().orElse(""),
                Pages.ago(e.at(), now),
                e.at().toString());
    }

    /** "Send to owner" and "Fixed" from the review queue; the queue again after. */
    private void settle(Context ctx, FlagOutcomes.Outcome outcome) {
        Person me = CurrentUser.require(ctx, Role.CHAMPION);
        moderation.settle(me, ctx.pathParam("id"), outcome, Optional.ofNullable(ctx.formParam("reason")));
        ctx.redirect("/moderation", HttpStatus.SEE_OTHER);
    }
}
