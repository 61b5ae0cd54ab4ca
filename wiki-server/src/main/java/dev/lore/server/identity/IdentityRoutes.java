package dev.lore.server.identity;

import dev.lore.server.web.LocalPaths;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Security;
import dev.lore.server.web.TrustedProxies;
import dev.lore.ui.view.auth.LoginView;
import dev.lore.ui.view.identity.CompanySignInView;
import dev.lore.ui.view.identity.SignedOutView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Company sign-in in the browser: {@code GET /auth/oidc/login} sends the browser to the provider,
 * binding the sign-in to it with a short-lived cookie holding the state (HttpOnly, SameSite=Lax so
 * it comes back on the provider's redirect, Secure as the session cookie is); {@code GET
 * /auth/oidc/callback} finishes it and opens a session. A failure shows the sign-in page with the
 * reason and its status (4xx, or 503 while the provider is down), never a 500.
 */
public final class IdentityRoutes {
    public static final String LOGIN = "/auth/oidc/login";
    public static final String CALLBACK = "/auth/oidc/callback";
    public static final String STATE_COOKIE = "lore_oidc_state";

    private final CompanySignIn signIn;
    private final IdentitySettings settings;
    private final Security security;
    private final TrustedProxies proxies;
    private final Pages pages;

    public IdentityRoutes(
            CompanySignIn signIn, IdentitySettings settings, Security security, TrustedProxies proxies, Pages pages) {
        this.signIn = signIn;
        this.settings = settings;
        this.security = security;
        this.proxies = proxies;
        this.pages = pages;
    }

    /** The sign-in page's button for company sign-in, going on to {@code next} afterwards. */
    public static Optional<CompanySignInView> button(IdentitySettings settings, String next) {
        return settings.oidc()
                .map(o -> new CompanySignInView(
                        o.providerName(),
                        LOGIN + ("/".equals(next) ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)),
                        settings.localLogin()));
    }

    public void register(RoutesConfig routes) {
        routes.get(LOGIN, this::start);
        routes.get(CALLBACK, this::callback);
        routes.exception(SignInFailure.class, this::failed);
    }

    private void start(Context ctx) {
        String next = LocalPaths.localOr(ctx.queryParam("next"), "/");
        CompanySignIn.Started started = signIn.start(redirectUri(ctx), next);
        ctx.cookie(security.cookie(
                ctx, STATE_COOKIE, started.state(), (int) CompanySignIn.IN_FLIGHT.toSeconds(), SameSite.LAX));
        ctx.redirect(started.redirect().toString(), HttpStatus.SEE_OTHER);
    }

    private void callback(Context ctx) {
        String error = ctx.queryParam("error");
        if (error != null) {
            forgetState(ctx);
            String description = Optional.ofNullable(ctx.queryParam("error_description"))
                    .map(IdentityRoutes::printable)
                    .orElse("");
            throw new SignInFailure(
                    403,
                    signIn.providerName() + " did not sign you in (" + printable(error)
                            + (description.isEmpty() ? "" : ": " + description) + ").");
        }
        Optional<String> bound = Optional.ofNullable(ctx.cookie(STATE_COOKIE)).filter(s -> !s.isBlank());
        forgetState(ctx);
        CompanySignIn.Finished finished =
                signIn.finish(ctx.queryParam("state"), bound, ctx.queryParam("code"), security.client(ctx));
        security.startSession(ctx, finished.session().token());
        ctx.redirect(LocalPaths.localOr(finished.next(), "/"), HttpStatus.SEE_OTHER);
    }

    /**
     * For a browser signing out of a company session: a page that sends it on to the provider's
     * end_session_endpoint (a {@code Refresh}, not a redirect, since the sign-out form may only
     * post to Lore itself), which sends it back to Lore's home page.
     */
    public Optional<java.util.function.Consumer<Context>> signOut(Context ctx, String sessionToken) {
        URI home;
        try {
            home = redirectUri(ctx).resolve("/");
        } catch (SignInFailure e) {
            return Optional.empty();
        }
        return signIn.signOut(sessionToken, home).map(to -> done -> {
            done.header("Refresh", "0; url=" + to);
            done.header("Cache-Control", "no-store");
            pages.render(
                    done,
                    "identity/signed-out.jte",
                    "Signed out",
                    new SignedOutView(signIn.providerName(), to.toString()));
        });
    }

    private void failed(SignInFailure e, Context ctx) {
        signIn.refused(e.getMessage(), security.client(ctx));
        ctx.status(e.status());
        if (e.status() == 503) {
            ctx.header("Retry-After", "60");
        }
        var view = new LoginView(Optional.of(e.getMessage()), "", "/", button(settings, "/"));
        pages.render(ctx, "auth/login.jte", "Sign in", view);
    }

    private void forgetState(Context ctx) {
        ctx.cookie(security.cookie(ctx, STATE_COOKIE, "", 0, SameSite.LAX));
    }

    /** The configured callback address, or this server's as the request shows it. */
    private URI redirectUri(Context ctx) {
        var configured = settings.oidc().flatMap(IdentitySettings.Oidc::redirectUri);
        if (configured.isPresent()) {
            return configured.get();
        }
        String host = proxies.requestedHost(ctx);
        if (host == null || !host.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?")) {
            throw new SignInFailure(
                    400, "Lore cannot tell its own address from this request; set LORE_OIDC_REDIRECT_URI.");
        }
        return URI.create((proxies.isHttps(ctx) ? "https" : "http") + "://" + host + CALLBACK);
    }

    private static String printable(String text) {
        String p = text.replaceAll("[^\\x20-\\x7e]", "?");
        return p.length() > 200 ? p.substring(0, 200) + "…" : p;
    }
}
