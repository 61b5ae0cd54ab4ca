package dev.lore.server.web;

import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Tokens;
import dev.lore.server.error.ForbiddenException;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Runs before every request: finds the person from a bearer token or the session cookie, and
 * guards state-changing requests against cross-site forgery.
 *
 * <p>CSRF: a random token lives in an HttpOnly, SameSite=Strict cookie and is written into every
 * form (and sent by scripts as {@code X-CSRF-Token}); a POST, PUT or DELETE that carries a session
 * cookie, or that is a form post, must present the same token. Bearer-token requests carry no
 * ambient credentials and are exempt, as are JSON requests without a session cookie (a browser
 * cannot send those cross-site without a CORS preflight, which Lore never allows).
 */
public final class Security {
    public static final String SESSION_COOKIE = "lore_session";
    public static final String CSRF_COOKIE = "lore_csrf";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String CSRF_ATTRIBUTE = "lore.csrf";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final AuthService auth;
    private final Tokens tokens;
    private final boolean secureCookies;

    public Security(AuthService auth, Tokens tokens, boolean secureCookies) {
        this.auth = auth;
        this.tokens = tokens;
        this.secureCookies = secureCookies;
    }

    public void before(Context ctx) {
        String bearer = bearerToken(ctx);
        String session = ctx.cookie(SESSION_COOKIE);
        if (bearer != null) {
            auth.authenticate(bearer).ifPresent(p -> ctx.attribute(CurrentUser.ATTRIBUTE, p));
        } else if (session != null) {
            auth.authenticate(session).ifPresent(p -> ctx.attribute(CurrentUser.ATTRIBUTE, p));
        }
        String csrf = ctx.cookie(CSRF_COOKIE);
        if (csrf == null || csrf.length() < 20) {
            csrf = tokens.newToken();
            ctx.cookie(cookie(CSRF_COOKIE, csrf, -1, SameSite.STRICT));
        }
        ctx.attribute(CSRF_ATTRIBUTE, csrf);
        if (!SAFE_METHODS.contains(ctx.method().name()) && bearer == null && needsCsrfCheck(ctx, session)) {
            String presented = ctx.header(CSRF_HEADER);
            if (presented == null && isForm(ctx)) {
                presented = ctx.formParam(CSRF_FIELD);
            }
            if (presented == null
                    || !MessageDigest.isEqual(
                            presented.getBytes(StandardCharsets.UTF_8), csrf.getBytes(StandardCharsets.UTF_8))) {
                throw new ForbiddenException(
                        "the form is out of date or came from another site (CSRF check failed); reload the page and try again");
            }
        }
    }

    /** The CSRF token of this request, for forms. */
    public static String csrfToken(Context ctx) {
        String token = ctx.attribute(CSRF_ATTRIBUTE);
        return token == null ? "" : token;
    }

    public void startSession(Context ctx, String token) {
        ctx.cookie(cookie(SESSION_COOKIE, token, (int) AuthService.SESSION_LIFETIME.toSeconds(), SameSite.LAX));
    }

    public void endSession(Context ctx) {
        ctx.cookie(cookie(SESSION_COOKIE, "", 0, SameSite.LAX));
    }

    /** The token a request authenticates with: bearer first, then the session cookie. */
    public static String presentedToken(Context ctx) {
        String bearer = bearerToken(ctx);
        return bearer != null ? bearer : ctx.cookie(SESSION_COOKIE);
    }

    private static boolean needsCsrfCheck(Context ctx, String session) {
        return session != null || isForm(ctx);
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null
                && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }

    private static String bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    private Cookie cookie(String name, String value, int maxAge, SameSite sameSite) {
        var cookie = new Cookie(name, value);
        cookie.setPath("/");
        cookie.setMaxAge(maxAge);
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setSameSite(sameSite);
        return cookie;
    }
}
