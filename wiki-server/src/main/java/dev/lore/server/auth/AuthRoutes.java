package dev.lore.server.auth;

import dev.lore.graph.person.Person;
import dev.lore.server.error.TooManyAttemptsException;
import dev.lore.server.error.UnauthorizedException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.LocalPaths;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Requests;
import dev.lore.server.web.Security;
import dev.lore.ui.view.auth.LoginView;
import dev.lore.ui.view.identity.CompanySignInView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Sign in and out, in the browser (session cookie) and over the API (bearer token). */
public final class AuthRoutes {
    private final AuthService auth;
    private final Security security;
    private final Pages pages;
    private final Function<String, Optional<CompanySignInView>> companySignIn;
    private final SignOutElsewhere elsewhere;

    /**
     * Asked, before a browser session ends, whether the person must also be signed out somewhere
     * else (at a company sign-in provider); answers with what to show the browser instead of the
     * home page.
     */
    @FunctionalInterface
    public interface SignOutElsewhere {
        Optional<java.util.function.Consumer<Context>> prepare(Context ctx, String sessionToken);

        SignOutElsewhere NOWHERE = (ctx, token) -> Optional.empty();
    }

    public AuthRoutes(AuthService auth, Security security, Pages pages) {
        this(auth, security, pages, next -> Optional.empty());
    }

    /** @param companySignIn the sign-in page's company sign-in button, going on to a path after */
    public AuthRoutes(
            AuthService auth,
            Security security,
            Pages pages,
            Function<String, Optional<CompanySignInView>> companySignIn) {
        this(auth, security, pages, companySignIn, SignOutElsewhere.NOWHERE);
    }

    /** @param elsewhere what else signing out in the browser does (the provider's sign-out) */
    public AuthRoutes(
            AuthService auth,
            Security security,
            Pages pages,
            Function<String, Optional<CompanySignInView>> companySignIn,
            SignOutElsewhere elsewhere) {
        this.elsewhere = elsewhere;
        this.auth = auth;
        this.security = security;
        this.pages = pages;
        this.companySignIn = companySignIn;
    }

    private LoginView view(Optional<String> error, String username, String next) {
        return new LoginView(error, username, next, companySignIn.apply(next));
    }

    /** The API login body. */
    public record LoginRequest(String username, String password) {}

    public void register(RoutesConfig routes) {
        routes.post("/api/login", this::apiLogin);
        routes.post("/api/logout", this::logout);
        routes.get("/api/me", this::me);
        routes.post("/api/tokens", this::apiToken);
        routes.get("/login", this::loginForm);
        routes.post("/login", this::login);
        routes.post("/logout", this::logout);
    }

    private void apiLogin(Context ctx) {
        LoginRequest body = Requests.body(ctx, LoginRequest.class);
        AuthService.SignedIn signedIn = auth.login(body.username(), body.password(), security.client(ctx));
        security.startSession(ctx, signedIn.token());
        ctx.json(Map.of("token", signedIn.token(), "person", personJson(signedIn.person())));
    }

    private void me(Context ctx) {
        Person person = CurrentUser.require(ctx, Role.READER);
        ctx.json(personJson(person));
    }

    private void apiToken(Context ctx) {
        Person person = CurrentUser.require(ctx, Role.READER);
        ctx.status(201)
                .json(Map.of(
                        "token",
                        auth.createApiToken(person, security.client(ctx)),
                        "expiresInDays",
                        AuthService.API_TOKEN_LIFETIME.toDays()));
    }

    private void loginForm(Context ctx) {
        pages.render(ctx, "auth/login.jte", "Sign in", view(Optional.empty(), "", safeNext(ctx.queryParam("next"))));
    }

    private void login(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("");
        String next = safeNext(ctx.formParam("next"));
        try {
            AuthService.SignedIn signedIn = auth.login(username, ctx.formParam("password"), security.client(ctx));
            security.startSession(ctx, signedIn.token());
            ctx.redirect(next, HttpStatus.SEE_OTHER);
        } catch (UnauthorizedException e) {
            ctx.status(401);
            pages.render(ctx, "auth/login.jte", "Sign in", view(Optional.of(e.getMessage()), username, next));
        } catch (TooManyAttemptsException e) {
            ctx.status(429).header("Retry-After", Long.toString(e.retryAfterSeconds()));
            String message = "Too many failed sign-ins for this account or from this address. " + "Please try again in "
                    + e.waitInWords() + ".";
            pages.render(ctx, "auth/login.jte", "Sign in", view(Optional.of(message), username, next));
        }
    }

    private void logout(Context ctx) {
        String token = Security.presentedToken(ctx);
        boolean api = ctx.path().startsWith("/api/");
        Optional<java.util.function.Consumer<Context>> then =
                token == null || api ? Optional.empty() : elsewhere.prepare(ctx, token);
        if (token != null) {
            auth.logout(token);
        }
        security.endSession(ctx);
        if (api) {
            ctx.status(204);
        } else if (then.isPresent()) {
            then.get().accept(ctx);
        } else {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
        }
    }

    /** Only paths on this site, so a crafted link cannot send people elsewhere after sign-in. */
    static String safeNext(String next) {
        return LocalPaths.localOr(next, "/");
    }

    public static Map<String, Object> personJson(Person p) {
        return Map.of(
                "id", p.id(),
                "name", p.name(),
                "email", p.email(),
                "team", p.team(),
                "title", p.title(),
                "role", p.role(),
                "active", p.active());
    }
}
