package dev.lore.server.notify;

import dev.lore.graph.notify.EventKind;
import dev.lore.graph.notify.Webhook;
import dev.lore.graph.notify.WebhookCall;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.ui.view.notify.DeliveriesView;
import dev.lore.ui.view.notify.DeliveryRow;
import dev.lore.ui.view.notify.WebhookRow;
import dev.lore.ui.view.notify.WebhooksView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The webhook admin pages for champions and admins: the list with the form to register one (its
 * secret shown once, on the page that answers the form), deleting, and each hook's delivery log.
 * Plain forms; the same {@link WebhookService} as the JSON API.
 */
public final class WebhookPages {
    private static final int DELIVERIES = 100;

    private final WebhookService service;
    private final Pages pages;
    private final Clock clock;

    public WebhookPages(WebhookService service, Pages pages, Clock clock) {
        this.service = service;
        this.pages = pages;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/webhooks", this::list);
        routes.post("/webhooks", this::create);
        routes.get("/webhooks/{id}", this::deliveries);
        routes.post("/webhooks/{id}/delete", this::delete);
    }

    private void list(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        render(ctx, Optional.empty(), Optional.empty(), "", List.of());
    }

    private void create(Context ctx) {
        var me = CurrentUser.require(ctx, Role.CHAMPION);
        String url = Optional.ofNullable(ctx.formParam("url")).orElse("").strip();
        List<String> events = ctx.formParams("events");
        try {
            Webhook hook = service.register(url, events, me.id());
            ctx.status(HttpStatus.CREATED);
            render(ctx, Optional.of(hook), Optional.empty(), "", List.of());
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, Optional.empty(), Optional.of(e.getMessage()), url, events);
        }
    }

    private void delete(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        service.delete(ctx.pathParam("id"));
        ctx.redirect("/webhooks", HttpStatus.SEE_OTHER);
    }

    private void deliveries(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        String id = ctx.pathParam("id");
        var calls = service.deliveries(id, DELIVERIES); // 404 first, for a hook that is not there
        Webhook hook = service.find(id);
        var now = clock.instant();
        var rows = calls.stream().map(c -> row(c, now)).toList();
        pages.render(ctx, "notify/webhook.jte", "Webhook deliveries", new DeliveriesView(row(hook), rows));
    }

    private void render(
            Context ctx, Optional<Webhook> created, Optional<String> error, String url, List<String> picked) {
        var hooks = service.list().stream().map(WebhookPages::row).toList();
        var kinds = Arrays.stream(EventKind.values()).map(EventKind::id).toList();
        pages.render(
                ctx,
                "notify/webhooks.jte",
                "Webhooks",
                new WebhooksView(
                        hooks,
                        kinds,
                        created.map(WebhookPages::row),
                        created.map(Webhook::secret),
                        error,
                        url,
                        List.copyOf(picked)));
    }

    private static WebhookRow row(Webhook h) {
        return new WebhookRow(
                h.id(),
                h.url(),
                WebhookService.kinds(h),
                h.active(),
                h.failures(),
                h.createdBy(),
                Pages.date(h.createdAt()));
    }

    private static DeliveryRow row(WebhookCall c, java.time.Instant now) {
        return new DeliveryRow(
                c.kind(),
                c.title(),
                dev.lore.server.web.LocalPaths.localOr(c.url(), "/"),
                c.at().toString(),
                Pages.ago(c.at(), now),
                c.state(),
                c.attempts(),
                c.lastStatus().map(String::valueOf).orElse(""),
                c.lastError().orElse(""),
                c.lastAttemptAt().map(at -> Pages.ago(at, now)).orElse(""));
    }
}
