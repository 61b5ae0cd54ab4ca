package dev.lore.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestLore.class)
class AuthIT {
    private static Optional<String> setCookie(Http.Response r, String name) {
        return r.all("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .findFirst();
    }

    @Test
    void apiLoginGivesABearerTokenAndTheMeEndpointKnowsWho(Http http) {
        String token = http.login("carla.contrib", TestLore.PASSWORD);
        var me = http.get("/api/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asText()).isEqualTo("carla.contrib");
        assertThat(me.json().get("role").asText()).isEqualTo("contributor");
        assertThat(me.body()).doesNotContain("argon2").doesNotContain("password");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401(Http http) {
        var wrong = http.post("/api/login", Map.of("username", "carla.contrib", "password", "nope-nope"), null);
        var unknown = http.post("/api/login", Map.of("username", "nobody", "password", "nope-nope"), null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        assertThat(http.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSession(Http http) {
        String token = http.login("carla.contrib", TestLore.PASSWORD);
        assertThat(http.post("/api/logout", Map.of(), token).status()).isEqualTo(204);
        assertThat(http.get("/api/me", token).status()).isEqualTo(401);
    }

    @Test
    void browserSignInSetsAnHttpOnlySameSiteSessionCookieBehindACsrfCheck(Http http) {
        var first = http.get("/api/health");
        String csrf = first.cookie("lore_csrf");
        assertThat(setCookie(first, "lore_csrf").orElseThrow())
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");

        var forged = http.form(
                "/login", Map.of("username", "carla.contrib", "password", TestLore.PASSWORD), "lore_csrf=" + csrf);
        assertThat(forged.status()).isEqualTo(403);

        var login = http.form(
                "/login",
                Map.of("username", "carla.contrib", "password", TestLore.PASSWORD, "_csrf", csrf, "next", "/wiki/x"),
                "lore_csrf=" + csrf);
        assertThat(login.status()).isEqualTo(303);
        assertThat(login.header("Location")).contains("/wiki/x");
        String session = setCookie(login, "lore_session").orElseThrow();
        assertThat(session)
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax")
                .contains("Path=/");
    }

    @Test
    void signInNeverRedirectsOffSite(Http http) {
        String csrf = http.get("/api/health").cookie("lore_csrf");
        var login = http.form(
                "/login",
                Map.of(
                        "username",
                        "carla.contrib",
                        "password",
                        TestLore.PASSWORD,
                        "_csrf",
                        csrf,
                        "next",
                        "//evil.example/x"),
                "lore_csrf=" + csrf);
        assertThat(login.header("Location")).contains("/");
        assertThat(login.header("Location").orElseThrow()).doesNotContain("evil");
    }

    @Test
    void signInNeverRedirectsToWhatABrowserReadsAsAnotherSite(Http http) {
        for (String next : java.util.List.of("/\t/evil.example/x", "/\\evil.example", "/\n/evil.example")) {
            String csrf = http.get("/login").cookie("lore_csrf");
            var login = http.form(
                    "/login",
                    Map.of("username", "carla.contrib", "password", TestLore.PASSWORD, "_csrf", csrf, "next", next),
                    "lore_csrf=" + csrf);
            assertThat(login.status()).isEqualTo(303);
            assertThat(login.header("Location")).as(next).contains("/");
        }
        var form = http.get("/login?next=" + Http.enc("/\t/evil.example"));
        assertThat(form.body()).doesNotContain("evil.example");
        var flagged = http.get("/moderation/already-flagged?back=" + Http.enc("/\t/evil.example"));
        assertThat(flagged.body()).doesNotContain("evil.example");
    }

    @Test
    void cookieAuthenticatedWritesNeedTheCsrfTokenBearerOnesDoNot(Http http) {
        var apiLogin =
                http.post("/api/login", Map.of("username", "carla.contrib", "password", TestLore.PASSWORD), null);
        String session = apiLogin.cookie("lore_session");
        String csrf = apiLogin.cookie("lore_csrf");
        String cookies = "lore_session=" + session + "; lore_csrf=" + csrf;
        String body = Http.json(Map.of("title", "Via cookie", "markdown", "x"));

        var withoutToken = http.send("POST", "/api/articles", body, null, Map.of("Cookie", cookies));
        var withToken = http.send("POST", "/api/articles", body, null, Map.of("Cookie", cookies, "X-CSRF-Token", csrf));
        var withBearer = http.post("/api/articles", Map.of("title", "Via bearer", "markdown", "x"), session);

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withToken.status()).as(withToken.body()).isEqualTo(201);
        assertThat(withBearer.status()).isEqualTo(201);
    }

    @Test
    void adminsManagePeopleOthersCannot(Http http) {
        String admin = http.login("admin", TestLore.PASSWORD);
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        var newPerson = Map.of(
                "id", "nina.new", "name", "Nina New", "team", "Data", "role", "reader", "password", "welcome-nina");

        assertThat(http.post("/api/people", newPerson, carla).status()).isEqualTo(403);
        var created = http.post("/api/people", newPerson, admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(http.post("/api/people", newPerson, admin).status()).isEqualTo(409);
        String nina = http.login("nina.new", "welcome-nina");
        assertThat(http.post("/api/articles", Map.of("title", "T", "markdown", "x"), nina)
                        .status())
                .isEqualTo(403);

        assertThat(http.put("/api/people/nina.new/role", Map.of("role", "contributor"), admin)
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/api/articles", Map.of("title", "T", "markdown", "x"), nina)
                        .status())
                .isEqualTo(201);
        assertThat(http.put("/api/people/nina.new/role", Map.of("role", "wizard"), admin)
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/api/people/nina.new", nina).json().get("team").asText())
                .isEqualTo("Data");
    }

    @Test
    void leavingTheCompanyEndsSessionsAndTokensForGood(Http http) {
        String admin = http.login("admin", TestLore.PASSWORD);
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        String script =
                http.post("/api/tokens", Map.of(), carla).json().get("token").asText();
        assertThat(http.get("/api/me", script).status()).isEqualTo(200);
        assertThat(http.put("/api/people/carla.contrib/availability", Map.of("status", "inactive"), admin)
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/api/me", carla).status()).isEqualTo(401);
        assertThat(http.get("/api/me", script).status()).isEqualTo(401);
        assertThat(http.post("/api/login", Map.of("username", "carla.contrib", "password", TestLore.PASSWORD), null)
                        .status())
                .isEqualTo(401);

        assertThat(http.put("/api/people/carla.contrib/availability", Map.of("status", "available"), admin)
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/api/me", carla).status()).isEqualTo(401);
        assertThat(http.get("/api/me", script).status()).isEqualTo(401);
        String again = http.login("carla.contrib", TestLore.PASSWORD);
        assertThat(http.get("/api/me", again).status()).isEqualTo(200);
    }

    @Test
    void aTokenRemovedBehindThisServersBackStopsWorkingWithinSeconds(TestLore.Running lore, Http http) {
        // another server sharing the database (or an operator) removes every token
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        assertThat(http.get("/api/me", carla).status()).isEqualTo(200);
        lore.lore()
                .graph()
                .write(tx -> tx.run("MATCH (t:Token) DETACH DELETE t").consume());
        assertThat(http.get("/api/me", carla).status())
                .as("remembered for a moment: this server saw no change")
                .isEqualTo(200);
        lore.clock().set(lore.clock().instant().plus(AuthService.REMEMBER).plusMillis(1));
        assertThat(http.get("/api/me", carla).status()).isEqualTo(401);
    }

    @Test
    void apiTokensWorkForScripts(Http http) {
        String session = http.login("carla.contrib", TestLore.PASSWORD);
        var issued = http.post("/api/tokens", Map.of(), session);
        assertThat(issued.status()).isEqualTo(201);
        String apiToken = issued.json().get("token").asText();
        assertThat(http.get("/api/me", apiToken).json().get("id").asText()).isEqualTo("carla.contrib");
    }
}
