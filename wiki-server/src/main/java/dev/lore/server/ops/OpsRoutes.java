package dev.lore.server.ops;

import dev.lore.server.auth.Role;
import dev.lore.server.error.ForbiddenException;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.web.CurrentUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;

/**
 * For operators: {@code GET /api/ready} (readiness: 200 when this server should get traffic, 503
 * with the reasons otherwise) and {@code GET /metrics} (Prometheus text, for whom {@link
 * MetricsAccess} allows).
 */
public final class OpsRoutes {
    private final Readiness readiness;
    private final Metrics metrics;
    private final MetricsAccess access;

    public OpsRoutes(Readiness readiness, Metrics metrics, MetricsAccess access) {
        this.readiness = readiness;
        this.metrics = metrics;
        this.access = access;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/ready", this::ready);
        routes.get("/metrics", this::metrics);
    }

    private void ready(Context ctx) {
        Readiness.Report report = readiness.check();
        var json = new LinkedHashMap<String, Object>();
        json.put("status", report.ready() ? "ready" : "not_ready");
        json.put("reasons", report.reasons());
        json.putAll(report.details());
        ctx.status(report.ready() ? 200 : 503).json(json);
    }

    private void metrics(Context ctx) {
        requireAccess(ctx);
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private void requireAccess(Context ctx) {
        switch (access.mode()) {
            case OFF -> throw new NotFoundException("metrics are turned off (LORE_METRICS=off)");
            case PUBLIC -> {}
            case LOCAL -> {
                if (!isLoopback(ctx.req().getRemoteAddr()) && !CurrentUser.atLeast(ctx, Role.ADMIN)) {
                    throw new ForbiddenException(
                            "metrics are readable from this machine or by an admin (see LORE_METRICS)");
                }
            }
            case TOKEN -> {
                if (!hasToken(ctx.header("Authorization")) && !CurrentUser.atLeast(ctx, Role.ADMIN)) {
                    throw new ForbiddenException("metrics need the metrics token (Authorization: Bearer ...)");
                }
            }
        }
    }

    private boolean hasToken(String authorization) {
        String expected = "Bearer " + access.token().orElseThrow();
        return authorization != null
                && MessageDigest.isEqual(
                        authorization.strip().getBytes(StandardCharsets.UTF_8),
                        expected.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the socket's peer address (a literal, never a name) is on this machine. */
    static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        String a = address.strip().replaceAll("^\\[|\\]$|%.*$", "").toLowerCase(java.util.Locale.ROOT);
        return a.startsWith("127.") || a.startsWith("::ffff:127.") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1");
    }
}
