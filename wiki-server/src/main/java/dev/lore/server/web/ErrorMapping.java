package dev.lore.server.web;

import com.fasterxml.jackson.core.JacksonException;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.article.StaleRevisionException;
import dev.lore.server.error.LoreException;
import dev.lore.server.error.TooManyAttemptsException;
import dev.lore.ui.view.ErrorView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: JSON {@code {"error", "detail"}} under
 * {@code /api/}, an error page elsewhere. Only a fault of Lore itself is a 500, and it is logged with
 * its stack trace; the person sees a plain sentence.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private final Pages pages;

    public ErrorMapping(Pages pages) {
        this.pages = pages;
    }

    public void register(RoutesConfig routes) {
        routes.exception(LoreException.class, (e, ctx) -> respond(ctx, e.status(), e.code(), e.getMessage(), Map.of()));
        routes.exception(TooManyAttemptsException.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            respond(ctx, 429, e.code(), e.getMessage(), Map.of("retryAfterSeconds", e.retryAfterSeconds()));
        });
        routes.exception(
                StaleRevisionException.class,
                (e, ctx) -> respond(
                        ctx,
                        409,
                        "conflict",
                        e.getMessage(),
                        Map.of("currentRevision", e.currentRevision(), "baseRevision", e.baseRevision())));
        routes.exception(
                NoSuchEntityException.class, (e, ctx) -> respond(ctx, 404, "not_found", e.getMessage(), Map.of()));
        routes.exception(ValidationException.class, (e, ctx) -> {
            String detail = e.getErrors().entrySet().stream()
                    .map(en -> en.getKey() + ": "
                            + en.getValue().stream().map(v -> v.getMessage()).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("; "));
            respond(ctx, 400, "bad_request", detail, Map.of());
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String code = status == 413 ? "too_large" : status == 404 ? "not_found" : "bad_request";
            respond(ctx, status, code, e.getMessage(), Map.of());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            JacksonException json = jsonCause(e);
            if (json != null) {
                respond(ctx, 400, "bad_request", "malformed JSON: " + json.getOriginalMessage(), Map.of());
                return;
            }
            BadMessageException bad = badMessageCause(e);
            if (bad != null) { // Jetty refused the request itself, e.g. a broken multipart body
                int status = bad.getCode() == 413 ? 413 : 400;
                respond(
                        ctx,
                        status,
                        status == 413 ? "too_large" : "bad_request",
                        "malformed request: " + bad.getReason(),
                        Map.of());
                return;
            }
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "internal", "Lore failed to handle this request; the error is logged.", Map.of());
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, 404, "not_found", "nothing exists at " + ctx.path(), Map.of());
            }
        });
        routes.error(
                405, ctx -> respond(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed here", Map.of()));
    }

    private void respond(Context ctx, int status, String code, String detail, Map<String, Object> extra) {
        if (status == 401 && !wantsJson(ctx) && "GET".equals(ctx.method().name())) {
            String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(status);
        if (wantsJson(ctx)) {
            var body = new LinkedHashMap<String, Object>();
            body.put("error", code);
            body.put("detail", detail);
            body.putAll(extra);
            ctx.json(body);
        } else {
            pages.render(ctx, "error.jte", title(status), new ErrorView(status, title(status), detail));
        }
    }

    private static boolean wantsJson(Context ctx) {
        if (ctx.path().startsWith("/api/")) {
            return true;
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "That request did not make sense";
            case 401 -> "Please sign in";
            case 403 -> "Not allowed";
            case 404 -> "Page not found";
            case 409 -> "Someone else saved first";
            case 413 -> "Too large";
            case 415 -> "Unsupported format";
            case 429 -> "Too many attempts";
            default -> "Something went wrong";
        };
    }

    private static BadMessageException badMessageCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadMessageException b) {
                return b;
            }
        }
        return null;
    }

    private static JacksonException jsonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException j) {
                return j;
            }
        }
        return null;
    }
}
