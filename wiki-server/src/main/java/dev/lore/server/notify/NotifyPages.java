package dev.lore.server.notify;

import dev.lore.graph.notify.AutoWatch;
import dev.lore.graph.notify.EventKind;
import dev.lore.graph.notify.Notification;
import dev.lore.graph.notify.Preferences;
import dev.lore.graph.notify.Subject;
import dev.lore.server.auth.Role;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.LocalPaths;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Requests;
import dev.lore.server.web.Security;
import dev.lore.ui.view.notify.InboxView;
import dev.lore.ui.view.notify.NotificationItem;
import dev.lore.ui.view.notify.PreferenceRow;
import dev.lore.ui.view.notify.PreferencesView;
import dev.lore.ui.view.notify.UnsubscribeView;
import dev.lore.ui.view.notify.WatchItem;
import dev.lore.ui.view.notify.WatchingView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The notification pages: the inbox, "what I watch", preferences, the Watch button's post and the
 * unsubscribe page of email links. Forms work without JavaScript and redirect back.
 */
public final class NotifyPages {
    private static final int PAGE = 50;

    private final NotificationService service;
    private final Unsubscribes unsubscribes;
    private final Pages pages;
    private final Clock clock;
    private final boolean emailOn;

    public NotifyPages(
            NotificationService service, Unsubscribes unsubscribes, Pages pages, Clock clock, boolean emailOn) {
        this.service = service;
        this.unsubscribes = unsubscribes;
        this.pages = pages;
        this.clock = clock;
        this.emailOn = emailOn;
    }

    public void register(RoutesConfig routes) {
        routes.get("/notifications", this::inbox);
        routes.get("/notifications/count", this::count);
        routes.get("/notifications/live", this::live);
        routes.post("/notifications/read", this::read);
        routes.get("/notifications/{id}", this::open);
        routes.post("/watches", this::watch);
        routes.get("/watching", this::watching);
        routes.get("/me/notifications", this::preferences);
        routes.post("/me/notifications", this::savePreferences);
        routes.get("/unsubscribe", this::unsubscribeForm);
        routes.post("/unsubscribe", this::unsubscribe);
    }

    private void inbox(Context ctx) {
        var me = CurrentUser.require(ctx, Role.READER);
        int offset = Requests.intQuery(ctx, "offset", 0, 0, 1_000_000);
        pages.render(ctx, "notify/inbox.jte", "Notifications", inboxView(me.id(), offset));
    }

    /**
     * The newest page of the inbox as an HTML fragment, for the inbox page to refresh itself
     * without a reload (htmx polls it), with the header's unread count swapped in beside it.
     */
    private void live(Context ctx) {
        var me = CurrentUser.require(ctx, Role.READER);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8")
                .result(pages.fragment(
                        "notify/partial/inboxlist.jte",
                        Map.of("view", inboxView(me.id(), 0), "csrf", Security.csrfToken(ctx), "live", true)));
    }

    private InboxView inboxView(String personId, int offset) {
        List<Notification> list = service.inbox(personId, offset, PAGE + 1);
        var now = clock.instant();
        var items = list.stream()
                .limit(PAGE)
                .map(n -> new NotificationItem(
                        n.id(),
                        what(n.kind()),
                        n.title(),
                        n.actorName(),
                        Pages.ago(n.at(), now),
                        n.read(),
                        n.count(),
                        n.message()))
                .toList();
        return new InboxView(items, service.unread(personId), offset, list.size() > PAGE);
    }

    /** The unread count alone, for the header's bell to refresh itself. */
    private void count(Context ctx) {
        int unread = CurrentUser.of(ctx).map(p -> service.unread(p.id())).orElse(0);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; charset=utf-8").result(Integer.toString(unread));
    }

    /** Opens a notification: marks it read and goes to what it is about. */
    private void open(Context ctx) {
        var me = CurrentUser.require(ctx, Role.READER);
        String id = ctx.pathParam("id");
        Notification n = service.inbox(me.id(), 0, 1_000).stream()
                .filter(x -> x.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("no notification '" + id + "'"));
        service.markRead(me.id(), List.of(id));
        ctx.redirect(LocalPaths.localOr(n.url(), "/notifications"), HttpStatus.SEE_OTHER);
    }

    private void read(Context ctx) {
        var me = CurrentUser.require(ctx, Role.READER);
        if ("true".equals(ctx.formParam("all"))) {
            service.markAllRead(me.id());
        } else {
            service.markRead(me.id(), ctx.formParams("id"));
        }
        ctx.redirect("/notifications", HttpStatus.SEE_OTHER);
    }

    private void watch(Context ctx) {
        var me = CurrentUser.require(ctx, Role.READER);
        Subject subject = NotificationService.subject(ctx.formParam("kind"), ctx.formParam("target"));
        if ("unwatch".equals(ctx.formParam("action"))) {
            service.unwatch(me.id(), subject);
        } else {
            service.watch(me.id(), subject);
        }
        ctx.redirect(LocalPaths.localOr(ctx.formParam("back"), "/watching"), HttpStatus.SEE_OTHER);
    }

    private void watching(Context ctx) {
        var me = CurrentUser.require(ctx, Role.READER);
        var items = service.watching(me.id()).stream()
                .map(w -> new WatchItem(
                        w.kind().id(),
                        w.key(),
                        w.title(),
                        WatchUrls.of(w.kind(), w.key()),
                        Pages.date(w.since()),
                        w.auto()))
                .toList();
        pages.render(ctx, "notify/watching.jte", "What I watch", new WatchingView(items));
    }

    private void preferences(Context ctx) {
        var me = CurrentUser.require(ctx, Role.READER);
        render(ctx, service.preferences(me.id()), "true".equals(ctx.queryParam("saved")));
    }

    private void render(Context ctx, Preferences p, boolean saved) {
        var rows = java.util.Arrays.stream(EventKind.values())
                .map(k ->
                        new PreferenceRow(k.id(), label(k), p.channels().get(k).id()))
                .toList();
        var auto = new LinkedHashMap<String, Boolean>();
        for (AutoWatch a : AutoWatch.values()) {
            auto.put(a.id(), p.autoWatch().get(a));
        }
        pages.render(
                ctx,
                "notify/preferences.jte",
                "Notification preferences",
                new PreferencesView(
                        rows,
                        auto,
                        p.digest(),
                        p.digestHour(),
                        p.digestDay().name().toLowerCase(Locale.ROOT),
                        p.zone().getId(),
                        p.emailOff(),
                        emailOn,
                        saved));
    }

    private void savePreferences(Context ctx) {
        var me = CurrentUser.require(ctx, Role.READER);
        var channels = new HashMap<String, String>();
        for (EventKind k : EventKind.values()) {
            Optional.ofNullable(ctx.formParam("ch-" + k.id())).ifPresent(c -> channels.put(k.id(), c));
        }
        var auto = new HashMap<String, Boolean>();
        for (AutoWatch a : AutoWatch.values()) {
            auto.put(a.id(), "true".equals(ctx.formParam("auto-" + a.id())));
        }
        Integer hour = null;
        String rawHour = ctx.formParam("digestHour");
        if (rawHour != null && !rawHour.isBlank()) {
            try {
                hour = Integer.parseInt(rawHour.strip());
            } catch (NumberFormatException e) {
                throw new dev.lore.server.error.InvalidInputException(
                        "digestHour must be a number 0-23, was '" + rawHour + "'");
            }
        }
        var body = new NotifyApi.PreferencesRequest(
                channels,
                auto,
                ctx.formParam("digest"),
                hour,
                ctx.formParam("digestDay"),
                ctx.formParam("zone"),
                "true".equals(ctx.formParam("emailOff")));
        service.setPreferences(me.id(), NotifyApi.merge(service.preferences(me.id()), body));
        ctx.redirect("/me/notifications?saved=true", HttpStatus.SEE_OTHER);
    }

    private void unsubscribeForm(Context ctx) {
        String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
        unsubscribes.personOf(token);
        pages.render(ctx, "notify/unsubscribe.jte", "Email from Lore", new UnsubscribeView(token, false));
    }

    /** One-click unsubscribe: the signed token is the authority, no sign-in needed (RFC 8058). */
    private void unsubscribe(Context ctx) {
        String token = Optional.ofNullable(ctx.formParam("token"))
                .or(() -> Optional.ofNullable(ctx.queryParam("token")))
                .orElse("");
        service.unsubscribe(unsubscribes.personOf(token));
        pages.render(ctx, "notify/unsubscribe.jte", "Email from Lore", new UnsubscribeView("", true));
    }

    /** What the actor did, as the inbox line says it. */
    static String what(String kind) {
        return EventKind.parse(kind).map(NotifyPages::verb).orElse(kind);
    }

    private static String verb(EventKind k) {
        return switch (k) {
            case PAGE_CHANGED -> "edited";
            case NEW_PAGE -> "wrote a new page";
            case NEW_QUESTION -> "asked";
            case ANSWER -> "answered";
            case ANSWER_ACCEPTED -> "accepted your answer to";
            case ANSWER_VOTED -> "learned something from your answer on";
            case PAGE_TAUGHT -> "learned something from your page";
            case QUESTION_ROUTED -> "asks you, as a likely expert";
            case QUESTION_ROUTED_FURTHER -> "asked more experts, as nobody answered yet:";
            case COMMENT -> "commented on";
            case MENTION -> "mentioned you in";
            case KUDOS -> "thanked you for";
            case PAGE_STALE -> "reminds you to review";
            case FLAGGED -> "flagged";
            case REVIEW_FLAG -> "added a flag to the review queue:";
            case HANDOVER_OFFERED -> "asks you to take over";
            case HANDOVER_ANSWERED -> "answered the handover of";
            case HANDOVER_QUEUE -> "changed who is here:";
            case WEBHOOK_DISABLED -> "switched off your webhook";
            case EDIT_SUGGESTED -> "suggested an edit to";
            case SUGGESTION_ACCEPTED -> "accepted your suggested edit to";
            case SUGGESTION_DECLINED -> "declined your suggested edit to";
            case LESSON_REVIEW -> "asks a champion to look at a lesson before it is shared:";
            case FIX_REQUESTED -> "asks you to fix flagged content:";
            case FLAG_RESOLVED -> "dealt with your flag on";
        };
    }

    static String label(EventKind k) {
        return switch (k) {
            case PAGE_CHANGED -> "A page I watch was edited";
            case NEW_PAGE -> "A new page by someone or on a skill I watch";
            case NEW_QUESTION -> "A new question on a skill or by someone I watch";
            case ANSWER -> "An answer to a question I asked or watch";
            case ANSWER_ACCEPTED -> "My answer was accepted";
            case ANSWER_VOTED -> "My answer taught someone something";
            case PAGE_TAUGHT -> "A page I wrote taught someone something";
            case QUESTION_ROUTED -> "A question was routed to me";
            case QUESTION_ROUTED_FURTHER -> "A question I asked of one person was routed to more experts";
            case COMMENT -> "A comment on my content or on something I watch";
            case MENTION -> "Someone mentioned me";
            case KUDOS -> "I received kudos";
            case PAGE_STALE -> "A page I own is due for review";
            case FLAGGED -> "Something I own, asked or answered was flagged";
            case REVIEW_FLAG -> "A new flag in the review queue (champions)";
            case HANDOVER_OFFERED -> "A page was offered to me as its new owner";
            case HANDOVER_ANSWERED -> "Someone accepted or declined a page I offered them";
            case HANDOVER_QUEUE -> "Pages need a new owner (champions and the team)";
            case WEBHOOK_DISABLED -> "A webhook I registered was switched off";
            case EDIT_SUGGESTED -> "Someone suggested an edit to a page I own";
            case SUGGESTION_ACCEPTED -> "My suggested edit was accepted";
            case SUGGESTION_DECLINED -> "My suggested edit was declined";
            case LESSON_REVIEW -> "A lesson learned waits for a champion's review (champions)";
            case FIX_REQUESTED -> "A champion asks me to fix flagged content I own";
            case FLAG_RESOLVED -> "A flag I raised was dealt with";
        };
    }
}
