package dev.lore.server.auth;

import dev.lore.graph.person.Person;
import dev.lore.graph.person.TokenInfo;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.person.PersonService;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Security;
import dev.lore.ui.view.identity.SessionsView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's sessions and API tokens, listed with where they came from and revoked one by one or
 * all at once: {@code /api/me/sessions} and the page {@code /me/sessions} for one's own,
 * {@code /api/people/{id}/sessions} and {@code /people/{id}/sessions} for admins. Revoking all of
 * one's own keeps the session doing it.
 */
public final class SessionRoutes {
    private final AuthService auth;
    private final PersonService people;
    private final Pages pages;
    private final Clock clock;
    private final Revoked revoked;

    /** Told after tokens were revoked: by whom, whose, which one (empty: all) and how many. */
    @FunctionalInterface
    public interface Revoked {
        void revoked(Person by, String personId, Optional<String> tokenId, int count);
    }

    public SessionRoutes(AuthService auth, PersonService people, Pages pages, Clock clock, Revoked revoked) {
        this.auth = auth;
        this.people = people;
        this.pages = pages;
        this.clock = clock;
        this.revoked = revoked;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/me/sessions", ctx -> list(ctx, me(ctx)));
        routes.delete("/api/me/sessions", ctx -> revokeAll(ctx, me(ctx)));
        routes.delete("/api/me/sessions/{token}", ctx -> revokeOne(ctx, me(ctx)));
        routes.get("/api/people/{id}/sessions", ctx -> list(ctx, other(ctx)));
        routes.delete("/api/people/{id}/sessions", ctx -> revokeAll(ctx, other(ctx)));
        routes.delete("/api/people/{id}/sessions/{token}", ctx -> revokeOne(ctx, other(ctx)));
        routes.get("/me/sessions", ctx -> page(ctx, me(ctx), Optional.empty()));
        routes.post("/me/sessions", ctx -> form(ctx, me(ctx)));
        routes.get("/people/{id}/sessions", ctx -> page(ctx, other(ctx), Optional.empty()));
        routes.post("/people/{id}/sessions", ctx -> form(ctx, other(ctx)));
    }

    private static Person me(Context ctx) {
        return CurrentUser.require(ctx, Role.READER);
    }

    /** The person the path names; admins only. */
    private Person other(Context ctx) {
        CurrentUser.require(ctx, Role.ADMIN);
        String id = ctx.pathParam("id");
        return people.find(id).orElseThrow(() -> new NotFoundException("no person " + id));
    }

    private void list(Context ctx, Person whose) {
        Optional<String> current = currentId(ctx);
        ctx.json(Map.of(
                "person",
                whose.id(),
                "sessions",
                auth.tokensOf(whose.id()).stream().map(t -> json(t, current)).toList()));
    }

    private void revokeOne(Context ctx, Person whose) {
        String tokenId = ctx.pathParam("token");
        if (revoke(ctx, whose, Optional.of(tokenId)) == 0) {
            throw new NotFoundException("no live session or token " + tokenId + " of " + whose.id());
        }
        ctx.status(204);
    }

    private void revokeAll(Context ctx, Person whose) {
        ctx.json(Map.of("revoked", revoke(ctx, whose, Optional.empty())));
    }

    private int revoke(Context ctx, Person whose, Optional<String> tokenId) {
        Person me = me(ctx);
        // revoking all of one's own keeps the one in hand; one by id may be this one too
        Optional<String> keep = tokenId.isEmpty() && me.id().equals(whose.id())
                ? Optional.ofNullable(Security.presentedToken(ctx))
                : Optional.empty();
        int n = auth.revoke(whose.id(), tokenId, keep);
        if (n > 0) {
            revoked.revoked(me, whose.id(), tokenId, n);
        }
        return n;
    }

    private void form(Context ctx, Person whose) {
        boolean all = "true".equals(ctx.formParam("all"));
        Optional<String> tokenId = all ? Optional.empty() : Optional.ofNullable(ctx.formParam("id"));
        if (!all && tokenId.isEmpty()) {
            ctx.status(400);
            page(ctx, whose, Optional.of("Choose a session or token to revoke."));
            return;
        }
        int n = revoke(ctx, whose, tokenId);
        if (!all && n == 0) {
            ctx.status(404);
            page(ctx, whose, Optional.of("That session or token had already ended."));
            return;
        }
        ctx.redirect(ctx.path(), HttpStatus.SEE_OTHER);
    }

    private void page(Context ctx, Person whose, Optional<String> notice) {
        Instant now = clock.instant();
        Optional<String> current = currentId(ctx);
        boolean self = me(ctx).id().equals(whose.id());
        List<SessionsView.Row> rows = auth.tokensOf(whose.id()).stream()
                .map(t -> new SessionsView.Row(
                        t.id(),
                        t.kind().equals("api") ? "API token" : "Session",
                        Pages.ago(t.createdAt(), now),
                        t.lastUsedAt().map(at -> Pages.ago(at, now)).orElse("not yet"),
                        t.expiresAt().toString().substring(0, 10),
                        t.address().orElse("unknown"),
                        t.userAgent().orElse(""),
                        current.filter(t.id()::equals).isPresent()))
                .toList();
        String action = self && ctx.path().startsWith("/me/") ? "/me/sessions" : "/people/" + whose.id() + "/sessions";
        pages.render(
                ctx,
                "identity/sessions.jte",
                "Sessions and tokens",
                new SessionsView(whose.id(), whose.name(), self, rows, action, notice));
    }

    private static Optional<String> currentId(Context ctx) {
        return Optional.ofNullable(Security.presentedToken(ctx)).map(AuthService::tokenId);
    }

    static Map<String, Object> json(TokenInfo t, Optional<String> current) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", t.id());
        m.put("kind", t.kind());
        m.put("createdAt", t.createdAt().toString());
        m.put("lastUsedAt", t.lastUsedAt().map(Instant::toString).orElse(null));
        m.put("expiresAt", t.expiresAt().toString());
        m.put("address", t.address().orElse(null));
        m.put("userAgent", t.userAgent().orElse(null));
        m.put("current", current.filter(t.id()::equals).isPresent());
        return m;
    }
}
