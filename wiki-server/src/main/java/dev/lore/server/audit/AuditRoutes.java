package dev.lore.server.audit;

import dev.lore.graph.audit.AuditLog;
import dev.lore.graph.moderation.AuditEvent;
import dev.lore.server.auth.Role;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Requests;
import dev.lore.ui.view.audit.AuditView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole audit log for admins: sign-ins (and failed ones), sign-outs, tokens, provisioning,
 * deactivations, role changes, and moderation. {@code GET /api/admin/audit} (JSON), {@code GET
 * /api/admin/audit.csv} and the page {@code /admin/audit}, all with {@code action}, {@code person}
 * (about or by) and {@code limit} (up to 10,000).
 */
public final class AuditRoutes {
    private static final List<String> HEADER =
            List.of("at", "action", "targetKind", "targetId", "actor", "actorName", "detail");

    private final AuditLog log;
    private final Pages pages;

    public AuditRoutes(AuditLog log, Pages pages) {
        this.log = log;
        this.pages = pages;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/audit", this::page);
        routes.get(
                "/api/admin/audit",
                ctx -> ctx.json(Map.of(
                        "events", events(ctx).stream().map(AuditRoutes::json).toList())));
        routes.get("/api/admin/audit.csv", this::csv);
    }

    private List<AuditEvent> events(Context ctx) {
        CurrentUser.require(ctx, Role.ADMIN);
        return log.list(limit(ctx), query(ctx, "action"), query(ctx, "person"));
    }

    private static int limit(Context ctx) {
        return Requests.intQuery(ctx, "limit", 200, 1, 10_000);
    }

    private static Optional<String> query(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(a -> !a.isEmpty());
    }

    /** The log as a page: a filter by action and person, and a link to the same events as CSV. */
    private void page(Context ctx) {
        List<AuditEvent> events = events(ctx);
        String action = query(ctx, "action").orElse("");
        String person = query(ctx, "person").orElse("");
        int limit = limit(ctx);
        var csv = new StringBuilder("/api/admin/audit.csv?limit=").append(limit);
        if (!action.isEmpty()) {
            csv.append("&action=").append(URLEncoder.encode(action, StandardCharsets.UTF_8));
        }
        if (!person.isEmpty()) {
            csv.append("&person=").append(URLEncoder.encode(person, StandardCharsets.UTF_8));
        }
        var rows = events.stream()
                .map(e -> new AuditView.Row(
                        e.at().truncatedTo(ChronoUnit.SECONDS)
                                .toString()
                                .replace('T', ' ')
                                .replace("Z", ""),
                        e.action(),
                        e.targetId(),
                        e.actor(),
                        e.actorName(),
                        e.reason().orElse("")))
                .toList();
        pages.render(
                ctx,
                "audit/audit.jte",
                "Audit log",
                new AuditView(rows, log.actions(), action, person, limit, csv.toString()));
    }

    private void csv(Context ctx) {
        var out = new StringBuilder();
        line(out, HEADER);
        for (AuditEvent e : events(ctx)) {
            line(
                    out,
                    List.of(
                            e.at().toString(),
                            e.action(),
                            e.targetKind(),
                            e.targetId(),
                            e.actor(),
                            e.actorName(),
                            e.reason().orElse("")));
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"lore-audit.csv\"");
        ctx.result(out.toString());
    }

    static Map<String, Object> json(AuditEvent e) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", e.id());
        json.put("action", e.action());
        json.put("targetKind", e.targetKind());
        json.put("targetId", e.targetId());
        json.put("actor", e.actor());
        json.put("actorName", e.actorName());
        json.put("detail", e.reason().orElse(null));
        json.put("at", e.at().toString());
        return json;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** Quoted when needed; a cell a spreadsheet would run as a formula gets a leading quote. */
    static String cell(String raw) {
        String c = !raw.isEmpty() && "=+-@\t\r".indexOf(raw.charAt(0)) >= 0 ? "'" + raw : raw;
        boolean quote = c.contains(",")
                || c.contains("\"")
                || c.contains("\n")
                || c.contains("\r")
                || (!c.isEmpty() && (c.charAt(0) == ' ' || c.charAt(c.length() - 1) == ' '));
        return quote ? "\"" + c.replace("\"", "\"\"") + "\"" : c;
    }
}
