package dev.lore.server.audit;

import dev.lore.graph.audit.AuditLog;
import dev.lore.graph.moderation.AuditEvent;
import dev.lore.server.auth.Role;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole audit log for admins: sign-ins (and failed ones), sign-outs, tokens, provisioning,
 * role changes from groups, and moderation. {@code GET /api/admin/audit} (JSON) and {@code GET
 * /api/admin/audit.csv}, both with {@code action} and {@code limit} (up to 10,000).
 */
public final class AuditRoutes {
    private static final List<String> HEADER =
            List.of("at", "action", "targetKind", "targetId", "actor", "actorName", "detail");

    private final AuditLog log;

    public AuditRoutes(AuditLog log) {
        this.log = log;
    }

    public void register(RoutesConfig routes) {
        routes.get(
                "/api/admin/audit",
                ctx -> ctx.json(Map.of(
                        "events", events(ctx).stream().map(AuditRoutes::json).toList())));
        routes.get("/api/admin/audit.csv", this::csv);
    }

    private List<AuditEvent> events(Context ctx) {
        CurrentUser.require(ctx, Role.ADMIN);
        Optional<String> action =
                Optional.ofNullable(ctx.queryParam("action")).map(String::strip).filter(a -> !a.isEmpty());
        return log.list(Requests.intQuery(ctx, "limit", 200, 1, 10_000), action);
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
