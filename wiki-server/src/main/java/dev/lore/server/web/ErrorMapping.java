package dev.lore.server.web;

import com.fasterxml.jackson.core.JacksonException;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.article.StaleRevisionException;
import dev.lore.server.error.LoreException;
import dev.lore.server.error.TooManyAttemptsException;
import dev.lore.ui.view.common.ErrorView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import java.net.URLEncoder;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.lucene.search.IndexSearcher;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: JSON {@code {"error", "detail"}} under
 * {@code /api/}, an error page elsewhere, with the request's id ({@code requestId}) to quote when
 * reporting it. Only a fault of Lore itself is a 500, and it is logged with its stack trace; the
 * person sees a plain sentence. A client that went away mid-request or sent its body too slowly is
 * a 400 or 408, logged in one line.
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
            respond(ctx, e.getStatus(), code(e.getStatus()), e.getMessage(), Map.of());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            JacksonException json = cause(e, JacksonException.class);
            if (json != null) {
                respond(ctx, 400, "bad_request", "malformed JSON: " + json.getOriginalMessage(), Map.of());
                return;
            }
            String charset = unsupportedCharset(e);
            if (charset != null) {
                respond(
                        ctx,
                        400,
                        "bad_request",
                        "the charset '" + charset + "' in Content-Type is not supported; send UTF-8",
                        Map.of());
                return;
            }
            HttpException refused = cause(e, HttpException.class);
            if (refused != null && refused.getCode() >= 400 && refused.getCode() < 500) {
                // Jetty refused the request itself: a broken multipart or chunked body, say
                int status = refused.getCode();
                LOG.warn("Refused {} {} with {}: {}", ctx.method(), ctx.path(), status, refused.getReason());
                respond(ctx, status, code(status), "malformed request: " + refused.getReason(), Map.of());
                return;
            }
            if (cause(e, TimeoutException.class)
                    != null) { // a body that trickled past its deadline; WebServer logs the 408
                respond(ctx, 408, "timeout", "the request body did not arrive in time", Map.of());
                return;
            }
            if (cause(e, EofException.class) != null) { // the client stopped sending mid-body
                LOG.warn("Refused {} {}: the request body ended early", ctx.method(), ctx.path());
                respond(ctx, 400, "bad_request", "malformed request: the body ended early", Map.of());
                return;
            }
            if (DatabaseDown.is(e)) {
                LOG.warn(
                        "Answered {} {} with 503: the database is not reachable ({})",
                        ctx.method(),
                        ctx.path(),
                        e.toString());
                ctx.header("Retry-After", "5");
                respond(ctx, 503, "unavailable", DatabaseDown.DETAIL, Map.of());
                return;
            }
            if (cause(e, IndexSearcher.TooManyClauses.class) != null) { // the query builder bounds terms; a safety net
                LOG.warn("Refused {} {}: the search query has too many terms", ctx.method(), ctx.path());
                respond(ctx, 400, "bad_request", "the search has too many words; use fewer", Map.of());
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
        if (status == 408 || status == 413) {
            // the request's body was not read to its end: the connection cannot carry another
            // request, and a client told so opens a new one instead of reusing a closed one
            ctx.header("Connection", "close");
        }
        if (wantsJson(ctx)) {
            var body = new LinkedHashMap<String, Object>();
            body.put("error", code);
            body.put("detail", detail);
            body.putAll(extra);
            RequestGuard.currentId().ifPresent(id -> body.put("requestId", id));
            ctx.json(body);
        } else {
            pages.render(ctx, "common/error.jte", title(status), new ErrorView(status, title(status), detail));
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
            case 408 -> "That took too long";
            case 409 -> "Someone else saved first";
            case 413 -> "Too large";
            case 415 -> "Unsupported format";
            case 429 -> "Too many attempts";
            default -> "Something went wrong";
        };
    }

    private static String code(int status) {
        return switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            default -> "bad_request";
        };
    }

    private static String unsupportedCharset(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedCharsetException u) {
                return abbreviate(u.getCharsetName());
            }
            if (t instanceof IllegalCharsetNameException i) {
                return abbreviate(i.getCharsetName());
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The first of {@code e} and its causes that is a {@code type}, or null. */
    private static <T> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
