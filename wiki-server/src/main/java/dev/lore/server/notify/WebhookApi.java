package dev.lore.server.notify;

import dev.lore.graph.notify.Webhook;
import dev.lore.graph.notify.WebhookCall;
import dev.lore.server.auth.Role;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The webhook API, for champions and admins. The secret is shown once, when a hook is registered. */
public final class WebhookApi {
    private final WebhookService service;

    public WebhookApi(WebhookService service) {
        this.service = service;
    }

    /** A hook to register: where to post, and which event kinds (all when left out). */
    public record HookRequest(String url, List<String> events) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/webhooks", this::list);
        routes.post("/api/webhooks", this::create);
        routes.delete("/api/webhooks/{id}", this::delete);
        routes.get("/api/webhooks/{id}/deliveries", this::deliveries);
    }

    private void list(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        ctx.json(Map.of(
                "webhooks", service.list().stream().map(h -> json(h, false)).toList()));
    }

    private void create(Context ctx) {
        var me = CurrentUser.require(ctx, Role.CHAMPION);
        HookRequest body = Requests.body(ctx, HookRequest.class);
        ctx.status(HttpStatus.CREATED).json(json(service.register(body.url(), body.events(), me.id()), true));
    }

    private void delete(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        service.delete(ctx.pathParam("id"));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void deliveries(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        int limit = Requests.intQuery(ctx, "limit", 50, 1, 500);
        ctx.json(Map.of(
                "deliveries",
                service.deliveries(ctx.pathParam("id"), limit).stream()
                        .map(WebhookApi::json)
                        .toList()));
    }

    private static Map<String, Object> json(Webhook h, boolean withSecret) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", h.id());
        json.put("url", h.url());
        json.put("events", WebhookService.kinds(h));
        json.put("everyKind", h.everyKind());
        json.put("active", h.active());
        json.put("failures", h.failures());
        json.put("createdBy", h.createdBy());
        json.put("createdAt", h.createdAt().toString());
        if (withSecret) {
            json.put("secret", h.secret());
        }
        return json;
    }

    private static Map<String, Object> json(WebhookCall c) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", c.id());
        json.put("kind", c.kind());
        json.put("at", c.at().toString());
        json.put("state", c.state());
        json.put("attempts", c.attempts());
        json.put("lastStatus", c.lastStatus().orElse(null));
        json.put("lastError", c.lastError().orElse(null));
        json.put("lastAttemptAt", c.lastAttemptAt().map(Object::toString).orElse(null));
        return json;
    }
}
