package dev.lore.server.identity;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How people sign in: company sign-in through an OpenID Connect provider (optional) and whether
 * local passwords work. Read once at start.
 *
 * @param oidc the provider, when {@code LORE_OIDC_ISSUER} is set
 * @param localLogin passwords for everyone ({@code LORE_LOCAL_LOGIN}, default true); false leaves
 *     them to the break-glass administrator only
 * @param breakGlassAdmin the one account that keeps its password when local login is off ({@code
 *     LORE_BREAK_GLASS_ADMIN}, default {@code admin})
 * @param scimToken the bearer token SCIM clients present ({@code LORE_SCIM_TOKEN}, 32 characters
 *     or more); unset, {@code /scim/v2} does not exist
 */
public record IdentitySettings(
        Optional<Oidc> oidc, boolean localLogin, String breakGlassAdmin, Optional<String> scimToken) {

    /**
     * An OpenID Connect provider and how its claims map onto people.
     *
     * @param issuer the provider's issuer URL ({@code LORE_OIDC_ISSUER}); its discovery document is
     *     at {@code <issuer>/.well-known/openid-configuration}
     * @param clientId {@code LORE_OIDC_CLIENT_ID}
     * @param clientSecret {@code LORE_OIDC_CLIENT_SECRET}; empty for a public client (PKCE only)
     * @param providerName shown as "Sign in with ..." ({@code LORE_OIDC_PROVIDER_NAME})
     * @param scopes requested scopes ({@code LORE_OIDC_SCOPES}, default {@code openid profile
     *     email}; {@code openid} is always added)
     * @param redirectUri the callback registered at the provider ({@code LORE_OIDC_REDIRECT_URI});
     *     empty means this server's own address as the request shows it, plus {@link
     *     IdentityRoutes#CALLBACK}
     * @param claims which claims carry the username, name, email, team, title and groups
     * @param roles groups to roles ({@code LORE_OIDC_ROLES})
     * @param trustUnverifiedEmail treat an email without an {@code email_verified} claim as
     *     verified ({@code LORE_OIDC_TRUST_EMAIL}, default false), for providers that never send
     *     the claim (Entra ID); {@code email_verified: false} is never trusted
     */
    public record Oidc(
            URI issuer,
            String clientId,
            String clientSecret,
            String providerName,
            List<String> scopes,
            Optional<URI> redirectUri,
            Claims claims,
            RoleMapping roles,
            boolean trustUnverifiedEmail,
            boolean providerLogout,
            java.time.Duration timeout) {}

    /**
     * Claim names ({@code LORE_OIDC_CLAIM_USERNAME}, {@code _NAME}, {@code _EMAIL}, {@code _TEAM},
     * {@code _TITLE}, {@code _GROUPS}); an empty name means the claim is not used.
     */
    public record Claims(String username, String name, String email, String team, String title, String groups) {
        /** The claim names in use, empty ones left out. */
        public List<String> used() {
            return java.util.stream.Stream.of(username, name, email, team, title, groups)
                    .filter(n -> !n.isEmpty())
                    .toList();
        }

        public static Claims defaults() {
            return new Claims("preferred_username", "name", "email", "", "", "groups");
        }
    }

    public static IdentitySettings none() {
        return new IdentitySettings(Optional.empty(), true, "admin", Optional.empty());
    }

    public boolean companySignIn() {
        return oidc.isPresent();
    }

    public IdentitySettings withOidc(Oidc newOidc) {
        return new IdentitySettings(Optional.of(newOidc), localLogin, breakGlassAdmin, scimToken);
    }

    public IdentitySettings withLocalLogin(boolean newLocalLogin) {
        return new IdentitySettings(oidc, newLocalLogin, breakGlassAdmin, scimToken);
    }

    public static IdentitySettings fromEnvironment(Map<String, String> env) {
        boolean localLogin = !"false".equalsIgnoreCase(text(env, "LORE_LOCAL_LOGIN", "true"));
        String breakGlass = text(env, "LORE_BREAK_GLASS_ADMIN", "admin");
        String scim = text(env, "LORE_SCIM_TOKEN", "");
        if (!scim.isEmpty() && scim.length() < 32) {
            throw new IllegalArgumentException("LORE_SCIM_TOKEN must be 32 characters or more, was " + scim.length());
        }
        Optional<String> scimToken = scim.isEmpty() ? Optional.empty() : Optional.of(scim);
        String issuer = text(env, "LORE_OIDC_ISSUER", "");
        if (issuer.isEmpty()) {
            if (!localLogin) {
                throw new IllegalArgumentException(
                        "LORE_LOCAL_LOGIN=false needs company sign-in: set LORE_OIDC_ISSUER too");
            }
            return new IdentitySettings(Optional.empty(), true, breakGlass, scimToken);
        }
        URI issuerUri = absoluteHttp("LORE_OIDC_ISSUER", issuer);
        String clientId = text(env, "LORE_OIDC_CLIENT_ID", "");
        if (clientId.isEmpty()) {
            throw new IllegalArgumentException("LORE_OIDC_CLIENT_ID is required with LORE_OIDC_ISSUER");
        }
        var scopes = new LinkedHashSet<String>();
        scopes.add("openid");
        for (String s : text(env, "LORE_OIDC_SCOPES", "openid profile email").split("[\\s,]+")) {
            if (!s.isBlank()) {
                scopes.add(s.strip());
            }
        }
        String redirect = text(env, "LORE_OIDC_REDIRECT_URI", "");
        var defaults = Claims.defaults();
        var claims = new Claims(
                text(env, "LORE_OIDC_CLAIM_USERNAME", defaults.username()),
                text(env, "LORE_OIDC_CLAIM_NAME", defaults.name()),
                text(env, "LORE_OIDC_CLAIM_EMAIL", defaults.email()),
                text(env, "LORE_OIDC_CLAIM_TEAM", defaults.team()),
                text(env, "LORE_OIDC_CLAIM_TITLE", defaults.title()),
                text(env, "LORE_OIDC_CLAIM_GROUPS", defaults.groups()));
        var oidc = new Oidc(
                issuerUri,
                clientId,
                text(env, "LORE_OIDC_CLIENT_SECRET", ""),
                text(env, "LORE_OIDC_PROVIDER_NAME", "your company account"),
                List.copyOf(scopes),
                redirect.isEmpty() ? Optional.empty() : Optional.of(absoluteHttp("LORE_OIDC_REDIRECT_URI", redirect)),
                claims,
                RoleMapping.parse(text(env, "LORE_OIDC_ROLES", "")),
                "true".equalsIgnoreCase(text(env, "LORE_OIDC_TRUST_EMAIL", "false")),
                !"false".equalsIgnoreCase(text(env, "LORE_OIDC_PROVIDER_LOGOUT", "true")),
                timeout(env));
        return new IdentitySettings(Optional.of(oidc), localLogin, breakGlass, scimToken);
    }

    private static URI absoluteHttp(String name, String raw) {
        try {
            URI uri = URI.create(raw);
            if (uri.getScheme() == null
                    || !uri.getScheme().matches("https?")
                    || uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new IllegalArgumentException(name + " must be an http(s) URL without query, was '" + raw + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be an http(s) URL without query, was '" + raw + "'", e);
        }
    }

    /** How long a call to the provider may take ({@code LORE_OIDC_TIMEOUT_MS}, default 10 s). */
    private static java.time.Duration timeout(Map<String, String> env) {
        String raw = text(env, "LORE_OIDC_TIMEOUT_MS", "10000");
        try {
            long ms = Long.parseLong(raw);
            if (ms >= 1) {
                return java.time.Duration.ofMillis(ms);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "LORE_OIDC_TIMEOUT_MS must be a whole number of milliseconds, at least 1, not '" + raw + "'");
    }

    private static String text(Map<String, String> env, String name, String defaultValue) {
        String raw = env.get(name);
        return raw == null || raw.isBlank() ? defaultValue : raw.strip();
    }
}
