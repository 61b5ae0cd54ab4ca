package dev.lore.server;

import dev.lore.graph.Graph;
import dev.lore.graph.identity.IdentityStore;
import dev.lore.graph.identity.ScimGroupStore;
import dev.lore.graph.identity.ScimStore;
import dev.lore.graph.person.PersonStore;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Tokens;
import dev.lore.server.identity.CompanySignIn;
import dev.lore.server.identity.Deactivation;
import dev.lore.server.identity.IdentityRoutes;
import dev.lore.server.identity.IdentitySettings;
import dev.lore.server.identity.OidcProvider;
import dev.lore.server.identity.RoleMapping;
import dev.lore.server.identity.ScimGroupRoutes;
import dev.lore.server.identity.ScimRoutes;
import dev.lore.server.search.IndexSync;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Security;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;

/** The identity feature's wiring for {@link Components}: company sign-in, SCIM, and who may use a password. */
final class IdentityWiring {
    private IdentityWiring() {}

    /** Company sign-in routes, when OIDC is configured. */
    static Optional<IdentityRoutes> routes(
            Config config,
            Graph graph,
            IdentityStore identities,
            AuthService auth,
            Tokens tokens,
            IndexSync sync,
            Security security,
            Pages pages,
            Clock clock) {
        return config.identity()
                .oidc()
                .map(oidc -> new IdentityRoutes(
                        new CompanySignIn(
                                new OidcProvider(oidc),
                                oidc,
                                identities,
                                new PersonStore(graph),
                                auth,
                                tokens,
                                sync::catchUp,
                                clock),
                        config.identity(),
                        security,
                        config.trustedProxies(),
                        pages));
    }

    /** SCIM users and groups for a directory, with the bearer token {@code token}. */
    static void scim(
            Config config,
            String token,
            Graph graph,
            ScimGroupStore scimGroups,
            Deactivation deactivation,
            AuthService auth,
            IndexSync sync,
            Clock clock,
            RoutesConfig routes) {
        RoleMapping roles =
                config.identity().oidc().map(IdentitySettings.Oidc::roles).orElse(RoleMapping.none());
        var users = new ScimRoutes(
                new ScimStore(graph), token, roles.fallback().id(), deactivation, sync::catchUp, clock, auth.audit());
        users.register(routes);
        new ScimGroupRoutes(users, scimGroups, roles, auth.audit(), sync::catchUp, clock).register(routes);
    }

    /** Everyone's password works, or with company sign-in only the break-glass admin's. */
    static Predicate<String> passwordSignIn(IdentitySettings identity) {
        if (identity.localLogin()) {
            return id -> true;
        }
        String breakGlass = identity.breakGlassAdmin();
        return breakGlass::equals;
    }
}
