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
 * <p>Cross-site requests: a POST, PUT or DELETE that a browser says comes from another site
 * ({@code Sec-Fetch-Site} other than {@code same-origin}, or without that header an {@code Origin}
 * whose host is not the one asked for) is refused with 403, whatever it carries. Clients that send
 * neither header (scripts, curl) are not browsers and pass on to the checks below.
 *
 * <p>CSRF: a random token lives in an HttpOnly, SameSite=Strict cookie and is written into every
 * form (and sent by scripts as {@code X-CSRF-Token}); a POST, PUT or DELETE that carries a session
 * cookie, or that is a form post, must present the same token. The sign-in form gets one before
 * any session exists, and signing in replaces it. Bearer-token requests carry no ambient
 * credentials and are exempt, as are JSON requests without a session cookie (JSON routes accept
 * only {@code application/json}, which a browser cannot send cross-site without a CORS preflight,
 * which Lore never allows).
 *
 * <p>Cookies are {@code Secure} when the request arrived over HTTPS (directly, or as a trusted
 * proxy says in {@code X-Forwarded-Proto}), and always when {@code LORE_SECURE_COOKIES} is set.
 */
public final class Security {
    public static final String SESSION_COOKIE = "lore_session";
    public static final String CSRF_COOKIE = "lore_csrf";
    private static final String ONE_CLICK_UNSUBSCRIBE = "/unsubscribe";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String CSRF_ATTRIBUTE = "lore.csrf";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final AuthService auth;
    private final Tokens tokens;
    private final boolean secureCookies;
    private final TrustedProxies proxies;
    private final dev.lore.server.ops.WarmPass warmPass;

    /**
     * @param secureCookies always mark cookies Secure, even on requests that do not look like HTTPS
     * @param proxies whose forwarding headers to believe
     */
    public Security(AuthService auth, Tokens tokens, boolean secureCookies, TrustedProxies proxies) {
        this(auth, tokens, secureCookies, proxies, new dev.lore.server.ops.WarmPass());
    }

    /** As above; {@code warmPass} lets the start-up warm-up read pages as a person (never write). */
    public Security(
            AuthService auth,
            Tokens tokens,
            boolean secureCookies,
            TrustedProxies proxies,
            dev.lore.server.ops.WarmPass warmPass) {
        this.auth = auth;
        this.tokens = tokens;
        this.secureCookies = secureCookies;
        this.proxies = proxies;
        this.warmPass = warmPass;
    }

    public void before(Context ctx) {
        String bearer = bearerToken(ctx);
        String session = ctx.cookie(SESSION_COOKIE);
        String credential = bearer != null ? bearer : session;
        if (credential != null) {
            auth.authenticate(credential).ifPresent(p -> {
                ctx.attribute(CurrentUser.ATTRIBUTE, p);
                auth.used(credential, client(ctx));
            });
        } else if (ctx.header(dev.lore.server.ops.WarmPass.HEADER) != null) {
            warmPass.viewer(ctx.method().name(), ctx.header(dev.lore.server.ops.WarmPass.HEADER))
                    .ifPresent(p -> ctx.attribute(CurrentUser.ATTRIBUTE, p));
        }
        String csrf = ctx.cookie(CSRF_COOKIE);
        if (csrf == null || csrf.length() < 20) {
            csrf = tokens.newToken();
            ctx.cookie(cookie(ctx, CSRF_COOKIE, csrf, -1, SameSite.STRICT));
        }
        ctx.attribute(CSRF_ATTRIBUTE, csrf);
        if (!SAFE_METHODS.contains(ctx.method().name())) {
            refuseCrossSite(ctx);
        }
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

    /**
     * Sets the session cookie and replaces the CSRF token, so a token planted or seen before
     * signing in is worth nothing after.
     */
    public void startSession(Context ctx, String token) {
        ctx.cookie(cookie(ctx, SESSION_COOKIE, token, (int) AuthService.SESSION_LIFETIME.toSeconds(), SameSite.LAX));
        String csrf = tokens.newToken();
        dropSetCookie(ctx, CSRF_COOKIE);
        ctx.cookie(cookie(ctx, CSRF_COOKIE, csrf, -1, SameSite.STRICT));
        ctx.attribute(CSRF_ATTRIBUTE, csrf);
    }

    public void endSession(Context ctx) {
        ctx.cookie(cookie(ctx, SESSION_COOKIE, "", 0, SameSite.LAX));
        ctx.attribute(CurrentUser.ATTRIBUTE, null); // a page shown after signing out shows nobody signed in
    }

    /** The client's address and user agent, as noted on sessions and tokens. */
    public AuthService.Client client(Context ctx) {
        return new AuthService.Client(clientAddress(ctx), java.util.Optional.ofNullable(ctx.header("User-Agent")));
    }

    /** The client's address, from a trusted proxy's {@code X-Forwarded-For} when there is one. */
    public String clientAddress(Context ctx) {
        return proxies.clientAddress(ctx);
    }

    /**
     * Refuses a state-changing request a browser sent from another site. Follows the Fetch
     * metadata a browser adds ({@code Sec-Fetch-Site}); without it, compares {@code Origin}'s host
     * with the host asked for. A request with neither is not from a browser, or from one too old
     * to say: the CSRF token still guards its cookie session.
     */
    private void refuseCrossSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) {
            if (site.equals("same-origin") || site.equals("none")) {
                return;
            }
            throw new ForbiddenException("cross-site request refused (Sec-Fetch-Site: " + abbreviate(site)
                    + "): Lore accepts changes only from its own pages");
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        String host = proxies.requestedHost(ctx);
        if (host == null || !host.equalsIgnoreCase(authority(origin))) {
            throw new ForbiddenException("cross-site request refused (Origin: " + abbreviate(origin)
                    + "): Lore accepts changes only from its own pages");
        }
    }

    private static String authority(String origin) {
        try {
            String authority = java.net.URI.create(origin.strip()).getRawAuthority();
            return authority == null ? "" : authority;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String abbreviate(String header) {
        String printable = header.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
    }

    /** Takes back a Set-Cookie for {@code name} this response already carries. */
    private static void dropSetCookie(Context ctx, String name) {
        var res = ctx.res();
        var kept = res.getHeaders("Set-Cookie").stream()
                .filter(c -> !c.startsWith(name + "="))
                .toList();
        res.setHeader("Set-Cookie", null);
        kept.forEach(c -> res.addHeader("Set-Cookie", c));
    }

    /** The token a request authenticates with: bearer first, then the session cookie. */
    public static String presentedToken(Context ctx) {
        String bearer = bearerToken(ctx);
        return bearer != null ? bearer : ctx.cookie(SESSION_COOKIE);
    }

    private static boolean needsCsrfCheck(Context ctx, String session) {
        if (ctx.path().equals(ONE_CLICK_UNSUBSCRIBE)) {
            // the signed token in the request is the authority (RFC 8058: mail clients post it bare)
            return false;
        }
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

    /** A cookie as Lore sets every cookie: HttpOnly, path /, Secure over HTTPS or when configured. */
    public Cookie cookie(Context ctx, String name, String value, int maxAge, SameSite sameSite) {
        var cookie = new Cookie(name, value);
        cookie.setPath("/");
        cookie.setMaxAge(maxAge);
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies || proxies.isHttps(ctx));
        cookie.setSameSite(sameSite);
        return cookie;
    }
}
