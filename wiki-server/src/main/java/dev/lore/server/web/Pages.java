package dev.lore.server.web;

import dev.lore.graph.person.Person;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Role;
import dev.lore.ui.Ui;
import dev.lore.ui.view.attachment.PageFiles;
import dev.lore.ui.view.common.PageContext;
import dev.lore.ui.view.common.UserView;
import dev.lore.ui.view.notify.WatchButton;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/** Renders a page template with the chrome every page shares. Thread-safe. */
public final class Pages {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

    private final Ui ui;
    private final boolean demo;
    private final Chrome chrome;
    private final PageFilesSource files;

    /**
     * What the chrome shows of notifications: the reader's unread count, and the Watch button of a
     * page that shows something one can watch.
     */
    public interface Chrome {
        int unread(String personId);

        Optional<WatchButton> watch(Context ctx, String personId);

        Chrome NONE = new Chrome() {
            @Override
            public int unread(String personId) {
                return 0;
            }

            @Override
            public Optional<WatchButton> watch(Context ctx, String personId) {
                return Optional.empty();
            }
        };
    }

    /** The files attached to the page a request shows, for its Attachments section. */
    @FunctionalInterface
    public interface PageFilesSource {
        Optional<PageFiles> of(Context ctx);

        PageFilesSource NONE = ctx -> Optional.empty();
    }

    public Pages(Ui ui) {
        this(ui, false);
    }

    /** @param demo whether every page shows the demo banner */
    public Pages(Ui ui, boolean demo) {
        this(ui, demo, Chrome.NONE);
    }

    public Pages(Ui ui, boolean demo, Chrome chrome) {
        this(ui, demo, chrome, PageFilesSource.NONE);
    }

    public Pages(Ui ui, boolean demo, Chrome chrome, PageFilesSource files) {
        this.ui = ui;
        this.demo = demo;
        this.chrome = chrome;
        this.files = files;
    }

    public void render(Context ctx, String template, String title, Object view) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(ui.render(template, Map.of("page", context(ctx, title), "view", view)));
    }

    public String fragment(String template, Map<String, Object> params) {
        return ui.render(template, params);
    }

    public PageContext context(Context ctx, String title) {
        Optional<Person> person = CurrentUser.of(ctx);
        Optional<UserView> user = person.map(this::userView);
        String query = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        Optional<WatchButton> watch =
                person.filter(p -> ctx.statusCode() == 200).flatMap(p -> chrome.watch(ctx, p.id()));
        Optional<PageFiles> pageFiles = ctx.statusCode() == 200 ? files.of(ctx) : Optional.empty();
        Optional<String> notice = Notices.of(ctx.queryParam(Notices.PARAM));
        return new PageContext(title, user, Security.csrfToken(ctx), query, demo, watch, pageFiles, notice);
    }

    private UserView userView(Person person) {
        Role role = AuthService.roleOf(person);
        return new UserView(
                person.id(),
                person.name(),
                role.id(),
                role.atLeast(Role.CONTRIBUTOR),
                role.atLeast(Role.ADMIN),
                chrome.unread(person.id()));
    }

    /** "just now", "5 minutes ago", "3 days ago", or a date for anything older than a month. */
    public static String ago(Instant at, Instant now) {
        Duration d = Duration.between(at, now);
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return plural(d.toMinutes(), "minute") + " ago";
        }
        if (d.toDays() < 1) {
            return plural(d.toHours(), "hour") + " ago";
        }
        if (d.toDays() < 31) {
            return plural(d.toDays(), "day") + " ago";
        }
        return "on " + DATE.format(at);
    }

    public static String date(Instant at) {
        return DATE.format(at);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
