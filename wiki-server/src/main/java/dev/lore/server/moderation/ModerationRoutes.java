package dev.lore.server.moderation;

import dev.lore.graph.moderation.AuditEvent;
import dev.lore.graph.moderation.Flag;
import dev.lore.graph.moderation.FlagOutcomes;
import dev.lore.graph.moderation.HiddenItem;
import dev.lore.graph.moderation.QueueItem;
import dev.lore.graph.person.Person;
import dev.lore.server.auth.Role;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Moderation over JSON: {@code POST /api/flags}, {@code GET /api/moderation/queue}, {@code POST
 * /api/moderation/{kind}/{target}/hide|restore} ({@code {reason}}), {@code POST
 * /api/moderation/flags/{id}/dismiss}, {@code GET /api/moderation/audit} and {@code GET
 * /api/moderation/hidden} (what is hidden now, to restore).
 */
public final class ModerationRoutes {
    private final ModerationService moderation;

    public ModerationRoutes(ModerationService moderation) {
        this.moderation = moderation;
    }

    record FlagRequest(String targetKind, String target, String reason, String note) {}

    record ReasonRequest(String reason) {}

    public void register(RoutesConfig routes) {
        routes.post("/api/flags", this::flag);
        routes.get("/api/moderation/queue", this::queue);
        routes.get("/api/moderation/audit", this::audit);
        routes.get("/api/moderation/hidden", ctx -> {
            Person me = CurrentUser.require(ctx, Role.CHAMPION);
            int limit = Requests.intQuery(ctx, "limit", 100, 1, 500);
            ctx.json(Map.of(
                    "hidden",
                    moderation.hiddenContent(me, limit).stream()
                            .map(ModerationRoutes::json)
                            .toList()));
        });
        routes.post("/api/moderation/flags/{id}/dismiss", this::dismiss);
        routes.post("/api/moderation/flags/{id}/send-to-owner", ctx -> settle(ctx, FlagOutcomes.Outcome.SENT_TO_OWNER));
        routes.post("/api/moderation/flags/{id}/fixed", ctx -> settle(ctx, FlagOutcomes.Outcome.FIXED));
        routes.post("/api/moderation/{kind}/{target}/hide", ctx -> {
            Person me = CurrentUser.require(ctx, Role.CHAMPION);
            moderation.hide(me, ctx.pathParam("kind"), ctx.pathParam("target"), reason(ctx));
            ctx.status(204);
        });
        routes.post("/api/moderation/{kind}/{target}/restore", ctx -> {
            Person me = CurrentUser.require(ctx, Role.CHAMPION);
            moderation.restore(me, ctx.pathParam("kind"), ctx.pathParam("target"), reason(ctx));
            ctx.status(204);
        });
    }

    private void flag(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        FlagRequest body = Requests.body(ctx, FlagRequest.class);
        Flag flag =
                moderation.flag(me, body.targetKind(), body.target(), body.reason(), Optional.ofNullable(body.note()));
        ctx.status(201).json(json(flag));
    }

    private void queue(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.CHAMPION);
        ctx.json(Map.of(
                "queue",
                moderation.queue(me).stream().map(ModerationRoutes::json).toList()));
    }

    private void audit(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.CHAMPION);
        int limit = Requests.intQuery(ctx, "limit", 50, 1, 500);
        ctx.json(Map.of(
                "events",
                moderation.audit(me, limit).stream().map(ModerationRoutes::json).toList()));
    }

    private void settle(Context ctx, FlagOutcomes.Outcome outcome) {
        Person me = CurrentUser.require(ctx, Role.CHAMPION);
        moderation.settle(me, ctx.pathParam("id"), outcome, Optional.ofNullable(reason(ctx)));
        ctx.status(204);
    }

    private void dismiss(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.CHAMPION);
        Optional<String> reason = ctx.body().isBlank()
                ? Optional.empty()
                : Optional.ofNullable(Requests.body(ctx, ReasonRequest.class).reason());
        moderation.dismiss(me, ctx.pathParam("id"), reason);
        ctx.status(204);
    }

    private static String reason(Context ctx) {
        return ctx.body().isBlank()
                ? null
                : Requests.body(ctx, ReasonRequest.class).reason();
    }

    static Map<String, Object> json(Flag f) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", f.id());
        json.put("targetKind", f.targetKind());
        json.put("target", f.targetId());
        json.put("by", Map.of("id", f.by().id(), "name", f.by().name()));
        json.put("reason", f.reason());
        json.put("note", f.note().orElse(null));
        json.put("at", f.at());
        json.put("status", f.status());
        return json;
    }

    static Map<String, Object> json(QueueItem q) {
        var json = new LinkedHashMap<String, Object>();
        json.put("targetKind", q.targetKind());
        json.put("target", q.targetId());
        json.put("title", q.title());
        json.put("link", q.link());
        json.put("hidden", q.hidden());
        json.put("count", q.count());
        json.put("reasons", q.reasons());
        json.put("lastAt", q.lastAt());
        json.put("flags", q.flags().stream().map(ModerationRoutes::json).toList());
        return json;
    }

    static Map<String, Object> json(HiddenItem h) {
        var json = new LinkedHashMap<String, Object>();
        json.put("targetKind", h.kind());
        json.put("target", h.target());
        json.put("title", h.title());
        json.put("excerpt", h.excerpt());
        json.put("link", h.link().orElse(null));
        json.put(
                "hiddenBy",
                Map.of("id", h.hidden().by().id(), "name", h.hidden().by().name()));
        json.put("reason", h.hidden().reason());
        json.put("at", h.hidden().at());
        return json;
    }

    static Map<String, Object> json(AuditEvent e) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", e.id());
        json.put("action", e.action());
        json.put("targetKind", e.targetKind());
        json.put("targetId", e.targetId());
        json.put("actor", e.actor());
        json.put("actorName", e.actorName());
        json.put("reason", e.reason().orElse(null));
        json.put("at", e.at());
        return json;
    }
}
