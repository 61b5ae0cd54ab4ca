package dev.lore.server.notify;

import dev.lore.graph.notify.AutoWatch;
import dev.lore.graph.notify.Channel;
import dev.lore.graph.notify.EventKind;
import dev.lore.graph.notify.Notification;
import dev.lore.graph.notify.Preferences;
import dev.lore.graph.notify.Subject;
import dev.lore.graph.notify.Watch;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON API for watches, the inbox and notification preferences; all for the signed-in person. */
public final class NotifyApi {
    private final NotificationService service;

    public NotifyApi(NotificationService service) {
        this.service = service;
    }

    /** A watch to add. */
    public record WatchRequest(String kind, String target) {}

    /** Notifications to mark read: some ids, or all. */
    public record ReadRequest(List<String> ids, Boolean all) {}

    /** Preferences; what is left out stays as it is. */
    public record PreferencesRequest(
            Map<String, String> channels,
            Map<String, Boolean> autoWatch,
            String digest,
            Integer digestHour,
            String digestDay,
            String zone,
            Boolean emailOff) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/watches", this::watches);
        routes.post("/api/watches", this::watch);
        routes.delete("/api/watches/{kind}/{target}", this::unwatch);
        routes.get("/api/notifications", this::notifications);
        routes.post("/api/notifications/read", this::read);
        routes.get("/api/me/notification-preferences", this::preferences);
        routes.put("/api/me/notification-preferences", this::putPreferences);
    }

    private void watches(Context ctx) {
        var me = CurrentUser.require(ctx, Role.READER);
        ctx.json(Map.of(
                "watches",
                service.watching(me.id()).stream().map(NotifyApi::watchJson).toList()));
    }

    private void watch(Context ctx) {
        var me = CurrentUser.require(ctx, Role.READER);
        WatchRequest body = Requests.body(ctx, WatchRequest.class);
        Subject subject = NotificationService.subject(body.kind(), body.target());
        service.watch(me.id(), subject);
        ctx.status(HttpStatus.CREATED)
                .json(Map.of("kind", subject.kind().id(), "target", subject.key(), "watching", true));
    }

    private void unwatch(Context ctx) {
        var me = CurrentUser.require(ctx, Role.READER);
        Subject subject = NotificationService.subject(ctx.pathParam("kind"), ctx.pathParam("target"));
        service.unwatch(me.id(), subject);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void notifications(Context ctx) {
        var me = CurrentUser.require(ctx, Role.READER);
        int offset = Requests.intQuery(ctx, "offset", 0, 0, 1_000_000);
        int limit = Requests.intQuery(ctx, "limit", 50, 1, 200);
        ctx.json(Map.of(
                "unread",
                service.unread(me.id()),
                "notifications",
                service.inbox(me.id(), offset, limit).stream()
                        .map(NotifyApi::notificationJson)
                        .toList()));
    }

    private void read(Context ctx) {
        var me = CurrentUser.require(ctx, Role.READER);
        ReadRequest body = Requests.body(ctx, ReadRequest.class);
        int changed;
        if (Boolean.TRUE.equals(body.all())) {
            changed = service.markAllRead(me.id());
        } else if (body.ids() != null) {
            changed = service.markRead(me.id(), body.ids());
        } else {
            throw new InvalidInputException("give ids (a list of notification ids) or all: true");
        }
        ctx.json(Map.of("marked", changed, "unread", service.unread(me.id())));
    }

    private void preferences(Context ctx) {
        var me = CurrentUser.require(ctx, Role.READER);
        ctx.json(preferencesJson(service.preferences(me.id())));
    }

    private void putPreferences(Context ctx) {
        var me = CurrentUser.require(ctx, Role.READER);
        PreferencesRequest body = Requests.body(ctx, PreferencesRequest.class);
        Preferences merged = merge(service.preferences(me.id()), body);
        service.setPreferences(me.id(), merged);
        ctx.json(preferencesJson(merged));
    }

    /** {@code current} with what {@code body} gives; unknown names are a 400. */
    static Preferences merge(Preferences current, PreferencesRequest body) {
        var channels = new EnumMap<EventKind, Channel>(current.channels());
        if (body.channels() != null) {
            body.channels()
                    .forEach((k, c) -> channels.put(
                            EventKind.parse(k)
                                    .orElseThrow(() -> new InvalidInputException("unknown event kind '" + k + "'")),
                            Channel.parse(c)
                                    .orElseThrow(() -> new InvalidInputException(
                                            "channel must be in-app, email, digest or off, was '" + c + "'"))));
        }
        var auto = new EnumMap<AutoWatch, Boolean>(current.autoWatch());
        if (body.autoWatch() != null) {
            body.autoWatch().forEach((a, on) -> auto.put(autoWatch(a), Boolean.TRUE.equals(on)));
        }
        String digest =
                body.digest() == null ? current.digest() : body.digest().strip().toLowerCase(Locale.ROOT);
        if (!digest.equals("daily") && !digest.equals("weekly")) {
            throw new InvalidInputException("digest must be daily or weekly, was '" + body.digest() + "'");
        }
        int hour = body.digestHour() == null ? current.digestHour() : body.digestHour();
        if (hour < 0 || hour > 23) {
            throw new InvalidInputException("digestHour must be 0-23, was " + hour);
        }
        DayOfWeek day;
        try {
            day = body.digestDay() == null
                    ? current.digestDay()
                    : DayOfWeek.valueOf(body.digestDay().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("digestDay must be a day of the week, was '" + body.digestDay() + "'");
        }
        ZoneId zone;
        try {
            zone = body.zone() == null ? current.zone() : ZoneId.of(body.zone().strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException(
                    "zone must be a time zone such as Europe/Berlin, was '" + body.zone() + "'");
        }
        boolean emailOff = body.emailOff() == null ? current.emailOff() : body.emailOff();
        return new Preferences(channels, auto, digest, hour, day, zone, emailOff);
    }

    private static AutoWatch autoWatch(String raw) {
        for (AutoWatch a : AutoWatch.values()) {
            if (a.id().equalsIgnoreCase(raw == null ? "" : raw.strip())) {
                return a;
            }
        }
        throw new InvalidInputException("autoWatch keys are create, edit, ask, answer and comment, was '" + raw + "'");
    }

    static Map<String, Object> preferencesJson(Preferences p) {
        var channels = new LinkedHashMap<String, String>();
        for (EventKind k : EventKind.values()) {
            channels.put(k.id(), p.channels().get(k).id());
        }
        var auto = new LinkedHashMap<String, Boolean>();
        for (AutoWatch a : AutoWatch.values()) {
            auto.put(a.id(), p.autoWatch().get(a));
        }
        var json = new LinkedHashMap<String, Object>();
        json.put("channels", channels);
        json.put("autoWatch", auto);
        json.put("digest", p.digest());
        json.put("digestHour", p.digestHour());
        json.put("digestDay", p.digestDay().name().toLowerCase(Locale.ROOT));
        json.put("zone", p.zone().getId());
        json.put("emailOff", p.emailOff());
        return json;
    }

    static Map<String, Object> notificationJson(Notification n) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", n.id());
        json.put("kind", n.kind());
        json.put("at", n.at().toString());
        json.put("read", n.read());
        json.put("title", n.title());
        json.put("url", n.url());
        json.put("message", n.message());
        json.put("count", n.count());
        json.put("actor", Map.of("id", n.actorId(), "name", n.actorName()));
        return json;
    }

    static Map<String, Object> watchJson(Watch w) {
        var json = new LinkedHashMap<String, Object>();
        json.put("kind", w.kind().id());
        json.put("target", w.key());
        json.put("title", w.title());
        json.put("since", w.since().toString());
        json.put("auto", w.auto());
        json.put("url", WatchUrls.of(w.kind(), w.key()));
        return json;
    }
}
