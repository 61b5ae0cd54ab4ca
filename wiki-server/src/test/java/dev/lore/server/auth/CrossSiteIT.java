package dev.lore.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Another site cannot sign a browser in, or change anything through it. */
@ExtendWith(TestLore.class)
class CrossSiteIT {
    private static final String CARLA = Http.json(Map.of("username", "carla.contrib", "password", TestLore.PASSWORD));

    @Test
    void jsonRoutesAcceptOnlyApplicationJson(Http http) {
        // what a form on another site can send without asking: text/plain, urlencoded
        var plain = http.raw("POST", "/api/login", CARLA, "text/plain", null);
        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.json().get("error").asText()).isEqualTo("unsupported_media_type");
        assertThat(plain.json().get("detail").asText())
                .contains("application/json")
                .contains("text/plain");
        assertThat(plain.all("Set-Cookie")).noneMatch(c -> c.startsWith("lore_session="));

        String token = http.login("carla.contrib", TestLore.PASSWORD);
        var article = http.raw(
                "POST", "/api/articles", Http.json(Map.of("title", "T", "markdown", "x")), "text/plain", token);
        assertThat(article.status()).isEqualTo(415);
        var withCharset = http.raw("POST", "/api/login", CARLA, "application/json; charset=utf-8", null);
        assertThat(withCharset.status()).isEqualTo(200);
    }

    @Test
    void aBrowserRequestFromAnotherSiteIsRefused(Http http) {
        var fetchMetadata = http.send("POST", "/api/login", CARLA, null, Map.of("Sec-Fetch-Site", "cross-site"));
        var sameSite = http.send("POST", "/api/login", CARLA, null, Map.of("Sec-Fetch-Site", "same-site"));
        var origin = http.send("POST", "/api/login", CARLA, null, Map.of("Origin", "https://evil.example"));
        var nullOrigin = http.send("POST", "/api/login", CARLA, null, Map.of("Origin", "null"));
        for (var r : java.util.List.of(fetchMetadata, sameSite, origin, nullOrigin)) {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.json().get("detail").asText()).contains("cross-site");
            assertThat(r.all("Set-Cookie")).noneMatch(c -> c.startsWith("lore_session="));
        }
        String csrf = http.get("/login").cookie("lore_csrf");
        var form = http.send(
                "POST",
                "/login",
                "username=carla.contrib&password=" + TestLore.PASSWORD + "&_csrf=" + csrf,
                null,
                Map.of(
                        "Content-Type", "application/x-www-form-urlencoded",
                        "Cookie", "lore_csrf=" + csrf,
                        "Origin", "https://evil.example"));
        assertThat(form.status()).isEqualTo(403);
    }

    @Test
    void sameOriginBrowsersAndScriptsWithoutTheseHeadersStillWork(Http http) {
        String host = http.base().getAuthority();
        var sameOrigin = http.send("POST", "/api/login", CARLA, null, Map.of("Sec-Fetch-Site", "same-origin"));
        var ownOrigin = http.send("POST", "/api/login", CARLA, null, Map.of("Origin", "http://" + host));
        var script = http.send("POST", "/api/login", CARLA, null, Map.of());
        assertThat(sameOrigin.status()).isEqualTo(200);
        assertThat(ownOrigin.status()).isEqualTo(200);
        assertThat(script.status()).isEqualTo(200);
        String token = script.json().get("token").asText();
        assertThat(http.post("/api/articles", Map.of("title", "By a script", "markdown", "x"), token)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void theSignInFormCarriesATokenBeforeAnySessionAndSigningInReplacesIt(Http http) {
        var form = http.get("/login");
        String before = form.cookie("lore_csrf");
        assertThat(form.body()).contains("name=\"_csrf\" value=\"" + before + "\"");

        var login = http.form(
                "/login",
                Map.of("username", "carla.contrib", "password", TestLore.PASSWORD, "_csrf", before),
                "lore_csrf=" + before);
        assertThat(login.status()).isEqualTo(303);
        assertThat(login.all("Set-Cookie").stream().filter(c -> c.startsWith("lore_csrf=")))
                .hasSize(1);
        String after = login.cookie("lore_csrf");
        String session = login.cookie("lore_session");
        assertThat(after).isNotEqualTo(before).hasSizeGreaterThan(20);

        // a token known before signing in (planted or seen) no longer matches the browser's cookie
        var stale = http.form("/logout", Map.of("_csrf", before), "lore_csrf=" + after + "; lore_session=" + session);
        assertThat(stale.status()).isEqualTo(403);
        var fresh = http.form("/logout", Map.of("_csrf", after), "lore_csrf=" + after + "; lore_session=" + session);
        assertThat(fresh.status()).isEqualTo(303);
    }

    @Test
    void apiSignInReplacesTheCsrfTokenToo(Http http) {
        var login = http.send(
                "POST", "/api/login", CARLA, null, Map.of("Cookie", "lore_csrf=planted-by-someone-else-0123456789"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.cookie("lore_csrf")).isNotEqualTo("planted-by-someone-else-0123456789");
    }
}
