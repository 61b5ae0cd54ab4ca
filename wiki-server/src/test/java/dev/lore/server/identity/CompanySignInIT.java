package dev.lore.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Company sign-in end to end against a real OpenID provider started in the test: the browser's
 * redirects walked with an HTTP client that keeps cookies, Lore redeeming the code and checking
 * the ID token against the provider's discovery document and keys.
 */
@ExtendWith(TestLore.class)
class CompanySignInIT {
    static final String SSO = "Acme SSO";
    private TestLore.Running lore;
    private TestProvider provider;
    private URI base;
    private CookieBrowser browser;

    /** Lore with company sign-in, passwords off except the break-glass admin's, and roles from groups. */
    static TestLore.Running withCompanySignIn(TestLore.Running lore) {
        TestProvider provider = TestProvider.get();
        return lore.another(
                "company-sign-in",
                c -> c.withIdentity(IdentitySettings.fromEnvironment(Map.ofEntries(
                        Map.entry("LORE_OIDC_TIMEOUT_MS", String.valueOf(Http.PATIENCE.toMillis())),
                        Map.entry("LORE_OIDC_ISSUER", provider.issuer().toString()),
                        Map.entry("LORE_OIDC_CLIENT_ID", TestProvider.CLIENT_ID),
                        Map.entry("LORE_OIDC_CLIENT_SECRET", "lore-client-secret"),
                        Map.entry("LORE_OIDC_PROVIDER_NAME", SSO),
                        Map.entry("LORE_LOCAL_LOGIN", "false"),
                        Map.entry("LORE_OIDC_ROLES", "wiki-admins:admin,wiki-champions:champion,*:contributor"),
                        Map.entry("LORE_OIDC_CLAIM_TEAM", "department"),
                        Map.entry("LORE_OIDC_CLAIM_TITLE", "title")))));
    }

    @BeforeEach
    void start(TestLore.Running running) {
        provider = TestProvider.get();
        provider.reset();
        lore = withCompanySignIn(running);
        base = lore.http().base();
        browser = new CookieBrowser();
    }

    @AfterEach
    void keysBack() {
        provider.reset();
    }

    static Map<String, Object> claims(String username, String name, String email, Object... more) {
        var claims = new HashMap<String, Object>(
                Map.of("preferred_username", username, "name", name, "email", email, "email_verified", true));
        for (int i = 0; i < more.length; i += 2) {
            claims.put((String) more[i], more[i + 1]);
        }
        return claims;
    }

    /** Walks to the provider and back; returns Lore's answer to the callback. */
    private Http.Response signIn(String next) {
        URI callback = toCallback(next);
        return browser.get(callback);
    }

    /** Starts a sign-in and lets the provider answer; returns the callback URL it sent the browser to. */
    private URI toCallback(String next) {
        URI login = base.resolve(IdentityRoutes.LOGIN + "?next=" + Http.enc(next));
        Http.Response started = browser.get(login);
        assertThat(started.status()).as(started.body()).isEqualTo(303);
        URI authorize = CookieBrowser.location(login, started);
        assertThat(authorize.toString()).startsWith(provider.issuer().toString());
        assertThat(authorize.getRawQuery()).contains("code_challenge_method=S256", "nonce=", "state=", "scope=openid");
        Http.Response answered = browser.get(authorize);
        assertThat(answered.status()).as(answered.body()).isEqualTo(302);
        URI callback = CookieBrowser.location(authorize, answered);
        assertThat(callback.getPath()).isEqualTo(IdentityRoutes.CALLBACK);
        return callback;
    }

    private com.fasterxml.jackson.databind.JsonNode me() {
        Http.Response r = browser.get(base.resolve("/api/me"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void firstSignInCreatesThePersonFromTheClaimsAndOpensASession() {
        provider.next(
                "sub-dana",
                claims(
                        "dana.novak@acme.example",
                        "Dana Novák",
                        "dana.novak@acme.example",
                        "department",
                        "Data",
                        "title",
                        "Analyst"));
        Http.Response done = signIn("/people");

        assertThat(done.status()).as(done.body()).isEqualTo(303);
        assertThat(done.header("Location")).contains("/people");
        assertThat(done.all("Set-Cookie")).anyMatch(c -> c.startsWith("lore_session=") && c.contains("HttpOnly"));
        assertThat(browser.cookie(base, IdentityRoutes.STATE_COOKIE)).isEmpty();
        var me = me();
        assertThat(me.get("id").asText()).isEqualTo("dana.novak");
        assertThat(me.get("name").asText()).isEqualTo("Dana Novák");
        assertThat(me.get("email").asText()).isEqualTo("dana.novak@acme.example");
        assertThat(me.get("team").asText()).isEqualTo("Data");
        assertThat(me.get("title").asText()).isEqualTo("Analyst");
        assertThat(me.get("role").asText()).isEqualTo("contributor");
    }

    @Test
    void laterSignInsUpdateNameEmailTeamAndTitle() {
        provider.next("sub-dana", claims("dana", "Dana Novak", "dana@acme.example", "department", "Data"));
        assertThat(signIn("/").status()).isEqualTo(303);

        browser = new CookieBrowser();
        provider.next(
                "sub-dana",
                claims(
                        "dana",
                        "Dana Novak-Berg",
                        "dana.berg@acme.example",
                        "department",
                        "Platform",
                        "title",
                        "Staff engineer"));
        assertThat(signIn("/").status()).isEqualTo(303);

        var me = me();
        assertThat(me.get("id").asText()).isEqualTo("dana");
        assertThat(me.get("name").asText()).isEqualTo("Dana Novak-Berg");
        assertThat(me.get("email").asText()).isEqualTo("dana.berg@acme.example");
        assertThat(me.get("team").asText()).isEqualTo("Platform");
        assertThat(me.get("title").asText()).isEqualTo("Staff engineer");
        assertThat(lore.lore().people().list())
                .filteredOn(p -> p.name().startsWith("Dana"))
                .hasSize(1);
    }

    @Test
    void anExistingPersonIsLinkedByVerifiedEmailNotDuplicated() {
        lore.lore()
                .people()
                .create(
                        "ana.silva",
                        "Ana Silva",
                        "Ana.Silva@Acme.example",
                        "Platform",
                        "SRE",
                        Role.CHAMPION,
                        Optional.empty());
        long before = lore.lore().people().count();

        provider.next("sub-ana", claims("asilva", "Ana Silva", "ana.silva@acme.example"));
        assertThat(signIn("/").status()).isEqualTo(303);

        var me = me();
        assertThat(me.get("id").asText()).isEqualTo("ana.silva");
        assertThat(me.get("role").asText()).as("a role set before is kept").isEqualTo("champion");
        assertThat(me.get("team").asText()).as("no team claim leaves the team").isEqualTo("Platform");
        assertThat(lore.lore().people().count()).isEqualTo(before);
    }

    @Test
    void anUnverifiedEmailNeitherLinksNorCreates() {
        lore.lore()
                .people()
                .create("ana.silva", "Ana Silva", "ana.silva@acme.example", "", "", Role.ADMIN, Optional.empty());
        long before = lore.lore().people().count();
        provider.next("sub-mallory", claims("mallory", "Mallory", "ana.silva@acme.example", "email_verified", false));

        Http.Response r = signIn("/");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("did not confirm your email address").contains("Sign in with " + SSO);
        assertThat(r.all("Set-Cookie")).noneMatch(c -> c.startsWith("lore_session="));
        assertThat(lore.lore().people().count()).isEqualTo(before);
    }

    @Test
    void groupsGiveRolesAndTakeThemBackButAHandSetRoleStays() {
        provider.next("sub-eve", claims("eve", "Eve", "eve@acme.example", "groups", List.of("staff", "wiki-admins")));
        signIn("/");
        assertThat(me().get("role").asText()).isEqualTo("admin");

        browser = new CookieBrowser();
        provider.next("sub-eve", claims("eve", "Eve", "eve@acme.example", "groups", List.of("staff")));
        signIn("/");
        assertThat(me().get("role").asText())
                .as("leaving the group takes its role")
                .isEqualTo("contributor");

        lore.lore().people().setRole("eve", Role.CHAMPION, p -> p);
        browser = new CookieBrowser();
        provider.next("sub-eve", claims("eve", "Eve", "eve@acme.example", "groups", List.of("staff")));
        signIn("/");
        assertThat(me().get("role").asText()).as("a role set by hand stays").isEqualTo("champion");

        browser = new CookieBrowser();
        provider.next("sub-eve", claims("eve", "Eve", "eve@acme.example", "groups", List.of("wiki-admins")));
        signIn("/");
        assertThat(me().get("role").asText()).as("a mapped group overrides").isEqualTo("admin");

        String admin = lore.http().login("admin", TestLore.PASSWORD);
        var changes = dev.lore.server.audit.AuditIT.events(lore.http(), admin, "role-change");
        assertThat(changes)
                .extracting(e -> e.get("detail").asText())
                .as("newest first; the first sign-in made eve, so it is no change")
                .containsExactly(
                        "champion → admin from groups [wiki-admins]", "admin → contributor from groups [staff]");
        assertThat(changes.getFirst().get("actor").asText()).isEqualTo("directory");
        assertThat(dev.lore.server.audit.AuditIT.events(lore.http(), admin, "sign-in"))
                .extracting(e -> e.get("targetId").asText())
                .contains("eve");
    }

    @Test
    void aReplayedStateIsRefused() {
        provider.next("sub-dana", claims("dana", "Dana", "dana@acme.example"));
        URI callback = toCallback("/");
        String state = browser.cookie(base, IdentityRoutes.STATE_COOKIE).orElseThrow();
        assertThat(browser.get(callback).status()).isEqualTo(303);

        var attacker = new CookieBrowser();
        attacker.setCookie(base, IdentityRoutes.STATE_COOKIE, state);
        Http.Response replay = attacker.get(callback);

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.body()).contains("already used or has expired");
        assertThat(replay.all("Set-Cookie")).noneMatch(c -> c.startsWith("lore_session="));
    }

    @Test
    void aStateThisBrowserDidNotStartIsRefused() {
        provider.next("sub-dana", claims("dana", "Dana", "dana@acme.example"));
        URI callback = toCallback("/");

        Http.Response forged = browser.get(URI.create(callback.toString().replaceAll("state=[^&]+", "state=forged")));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("state mismatch");

        Http.Response elsewhere = new CookieBrowser().get(callback);
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("not started in this browser");
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() {
        provider.next("sub-dana", claims("dana", "Dana", "dana@acme.example", "nonce", "not-this-sign-in"));
        Http.Response r = signIn("/");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("does not belong to this sign-in (nonce)");
        String admin = lore.http().login("admin", TestLore.PASSWORD);
        assertThat(dev.lore.server.audit.AuditIT.events(lore.http(), admin, "sign-in-failed"))
                .extracting(e -> e.get("detail").asText())
                .anySatisfy(d -> assertThat(d).contains("(nonce)"));
    }

    @Test
    void anIdTokenWithoutANonceIsRefused() {
        // a null claim makes the provider leave the nonce it would copy from the request out
        provider.next("sub-dana", claims("dana", "Dana", "dana@acme.example", "nonce", null));
        Http.Response r = signIn("/");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("does not belong to this sign-in (nonce)").contains("Missing JWT nonce");
        assertThat(lore.lore().people().find("dana")).isEmpty();
    }

    @Test
    void anIdTokenForAnotherApplicationIsRefused() {
        provider.next("sub-dana", claims("dana", "Dana", "dana@acme.example", "aud", "another-app"));
        Http.Response r = signIn("/");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("issued for another application (audience)");
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        provider.next("sub-dana", claims("dana", "Dana", "dana@acme.example"), -600);
        Http.Response r = signIn("/");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("it has expired");
    }

    @Test
    void aRotatedKeyIsFetchedAndAccepted() {
        provider.next("sub-dana", claims("dana", "Dana", "dana@acme.example"));
        assertThat(signIn("/").status()).isEqualTo(303);

        provider.rotate();
        browser = new CookieBrowser();
        provider.next("sub-dana", claims("dana", "Dana", "dana@acme.example"));
        Http.Response r = signIn("/");

        assertThat(r.status()).as(r.body()).isEqualTo(303);
    }

    @Test
    void anIdTokenSignedWithAKeyTheProviderDoesNotPublishIsRefused() {
        provider.signWithUnpublishedKey();
        provider.next("sub-dana", claims("dana", "Dana", "dana@acme.example"));
        Http.Response r = signIn("/");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("signature does not match");
    }

    @Test
    void theProviderSayingNoIsShownPlainly() {
        browser.get(base.resolve(IdentityRoutes.LOGIN));
        String state = browser.cookie(base, IdentityRoutes.STATE_COOKIE).orElseThrow();
        Http.Response r = browser.get(base.resolve(IdentityRoutes.CALLBACK + "?state=" + state
                + "&error=access_denied&error_description=" + Http.enc("User is not assigned to Lore")));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("access_denied: User is not assigned to Lore");
    }

    @Test
    void theSignInPageOffersTheProviderAndPasswordsOnlyToTheBreakGlassAdmin() {
        Http.Response page = lore.http().get("/login?next=/people");
        assertThat(page.body())
                .contains("Sign in with " + SSO)
                .contains(IdentityRoutes.LOGIN + "?next=%2Fpeople")
                .contains("break-glass administrator only");
        assertThat(lore.http()
                        .send(
                                "POST",
                                "/api/login",
                                Http.json(Map.of("username", "carla.contrib", "password", TestLore.PASSWORD)),
                                null,
                                Map.of())
                        .status())
                .isEqualTo(401);
        assertThat(lore.http().login("admin", TestLore.PASSWORD)).isNotBlank();
    }

    @Test
    void withoutCompanySignInTheSignInPageIsUnchanged(Http http) {
        assertThat(http.get("/login").body()).doesNotContain("Sign in with");
        assertThat(http.get(IdentityRoutes.LOGIN).status()).isEqualTo(404);
    }

    @Test
    void aProviderThatIsDownGetsAClearPageAndBreakGlassStillSignsIn(TestLore.Running running) throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String issuer = "http://localhost:" + closedPort + "/acme";
        var down = running.another(
                "company-sign-in-down",
                c -> c.withIdentity(IdentitySettings.fromEnvironment(Map.of(
                        "LORE_OIDC_ISSUER",
                        issuer,
                        "LORE_OIDC_CLIENT_ID",
                        "lore",
                        "LORE_OIDC_PROVIDER_NAME",
                        SSO,
                        "LORE_LOCAL_LOGIN",
                        "false"))));

        Http.Response r = new CookieBrowser().get(down.http().base().resolve(IdentityRoutes.LOGIN));

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body()).contains(SSO + " cannot be reached right now").contains("name=\"password\"");
        assertThat(down.http().login("admin", TestLore.PASSWORD)).isNotBlank();
    }

    @Test
    void claimsTheIdTokenLacksAreReadFromUserInfoAndTheIdTokensOwnWin() {
        provider.next("sub-ines", claims("ines", "Inês Costa", "ines@acme.example"));
        provider.userInfo(Map.of(
                "name", "Someone Else",
                "department", "Research",
                "title", "Scientist",
                "groups", List.of("wiki-champions")));

        Http.Response done = signIn("/");

        assertThat(done.status()).as(done.body()).isEqualTo(303);
        var me = me();
        assertThat(me.get("name").asText()).isEqualTo("Inês Costa");
        assertThat(me.get("team").asText()).isEqualTo("Research");
        assertThat(me.get("title").asText()).isEqualTo("Scientist");
        assertThat(me.get("role").asText()).isEqualTo("champion");
    }

    @Test
    void aUserInfoAnswerAboutAnotherPersonIsRefused() {
        provider.next("sub-ines", claims("ines", "Inês Costa", "ines@acme.example"));
        provider.userInfo(Map.of("sub", "sub-mallory", "department", "Research"));

        Http.Response done = signIn("/");

        assertThat(done.status()).isEqualTo(401);
        assertThat(done.body()).contains("about another person");
        assertThat(lore.lore().people().find("ines")).isEmpty();
    }

    @Test
    void signingOutInTheBrowserSignsOutAtTheProviderTooAndComesBack() {
        provider.next("sub-dana", claims("dana", "Dana Novak", "dana@acme.example"));
        assertThat(signIn("/").status()).isEqualTo(303);
        String csrf = browser.cookie(base, "lore_csrf").orElseThrow();

        Http.Response out = browser.post(base.resolve("/logout"), Map.of("_csrf", csrf));

        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.body()).contains("Signed out").contains("Continue to " + SSO);
        String refresh = out.header("Refresh").orElseThrow();
        assertThat(refresh).startsWith("0; url=" + provider.issuer() + "/endsession?");
        URI endSession = URI.create(refresh.substring("0; url=".length()));
        assertThat(endSession.getRawQuery())
                .contains("id_token_hint=ey", "client_id=" + TestProvider.CLIENT_ID)
                .contains(
                        "post_logout_redirect_uri=" + Http.enc(base.resolve("/").toString()));
        assertThat(browser.get(base.resolve("/api/me")).status()).isEqualTo(401);

        Http.Response atProvider = browser.get(endSession);
        assertThat(atProvider.status()).isEqualTo(302);
        assertThat(CookieBrowser.location(endSession, atProvider)).isEqualTo(base.resolve("/"));
    }

    @Test
    void signingOutOfAPasswordSessionStaysAtLore() {
        String cookies = lore.http().browserSession("admin", TestLore.PASSWORD);

        Http.Response out = lore.http().form("/logout", Map.of("_csrf", Http.csrfOf(cookies)), cookies);

        assertThat(out.status()).isEqualTo(303);
        assertThat(out.header("Location")).hasValue("/");
    }
}
