package dev.lore.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestLore.class)
class SessionsIT {
    private static List<JsonNode> sessions(Http http, String path, String token) {
        var r = http.get(path, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var list = new ArrayList<JsonNode>();
        r.json().get("sessions").forEach(list::add);
        return list;
    }

    private static Http.Response as(Http http, String path, String token, String agent) {
        return http.send("GET", path, null, token, Map.of("User-Agent", agent));
    }

    @Test
    void aPersonSeesTheirSessionsAndTokensWithWhenAndWhereFromButNeverTheSecret(TestLore.Running lore, Http http) {
        Instant signIn = Instant.parse("2026-03-02T09:00:00Z");
        lore.clock().set(signIn);
        String session = http.login("carla.contrib", TestLore.PASSWORD);
        String apiToken =
                http.post("/api/tokens", Map.of(), session).json().get("token").asText();
        Instant later = signIn.plusSeconds(3600);
        lore.clock().set(later);
        assertThat(as(http, "/api/me", apiToken, "backup-script/1.0").status()).isEqualTo(200);

        var list = sessions(http, "/api/me/sessions", session);
        assertThat(list).hasSize(2);
        JsonNode api = list.stream()
                .filter(s -> s.get("kind").asText().equals("api"))
                .findFirst()
                .orElseThrow();
        JsonNode mine = list.stream()
                .filter(s -> s.get("kind").asText().equals("session"))
                .findFirst()
                .orElseThrow();
        assertThat(api.get("lastUsedAt").asText()).isEqualTo(later.toString());
        assertThat(api.get("userAgent").asText()).isEqualTo("backup-script/1.0");
        assertThat(api.get("address").asText()).isNotBlank();
        assertThat(api.get("current").asBoolean()).isFalse();
        assertThat(mine.get("createdAt").asText()).isEqualTo(signIn.toString());
        assertThat(mine.get("current").asBoolean()).isTrue();
        var body = http.get("/api/me/sessions", session).body();
        assertThat(body).doesNotContain(session).doesNotContain(apiToken).doesNotContain(Tokens.hash(apiToken));
    }

    @Test
    void revokingOneEndsItAtOnceAndOnlyIt(Http http) {
        String first = http.login("carla.contrib", TestLore.PASSWORD);
        String second = http.login("carla.contrib", TestLore.PASSWORD);
        assertThat(http.get("/api/me", second).status()).isEqualTo(200);

        var r = http.delete("/api/me/sessions/" + AuthService.tokenId(second), first);
        assertThat(r.status()).isEqualTo(204);
        assertThat(http.get("/api/me", second).status()).isEqualTo(401);
        assertThat(http.get("/api/me", first).status()).isEqualTo(200);
        assertThat(http.delete("/api/me/sessions/" + AuthService.tokenId(second), first)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void revokingAllOfOnesOwnKeepsTheOneInHand(Http http) {
        String keep = http.login("carla.contrib", TestLore.PASSWORD);
        String other = http.login("carla.contrib", TestLore.PASSWORD);
        String api =
                http.post("/api/tokens", Map.of(), other).json().get("token").asText();

        var r = http.delete("/api/me/sessions", keep);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("revoked").asInt()).isEqualTo(2);
        assertThat(http.get("/api/me", other).status()).isEqualTo(401);
        assertThat(http.get("/api/me", api).status()).isEqualTo(401);
        assertThat(http.get("/api/me", keep).status()).isEqualTo(200);
    }

    @Test
    void nobodyCanRevokeSomeoneElsesTokenThroughTheirOwnList(Http http) {
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        String rudi = http.login("rudi.reader", TestLore.PASSWORD);
        assertThat(http.delete("/api/me/sessions/" + AuthService.tokenId(carla), rudi)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/me", carla).status()).isEqualTo(200);
        // a short or empty id matches nothing rather than everything
        assertThat(http.delete("/api/me/sessions/a", rudi).status()).isEqualTo(404);
        assertThat(http.get("/api/me", rudi).status()).isEqualTo(200);
    }

    @Test
    void adminsListAndRevokeAnyonesButOthersCannot(Http http) {
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        String rudi = http.login("rudi.reader", TestLore.PASSWORD);
        String admin = http.login("admin", TestLore.PASSWORD);

        assertThat(http.get("/api/people/carla.contrib/sessions", rudi).status())
                .isEqualTo(403);
        assertThat(http.delete("/api/people/carla.contrib/sessions", rudi).status())
                .isEqualTo(403);
        assertThat(sessions(http, "/api/people/carla.contrib/sessions", admin)).hasSize(1);
        assertThat(http.get("/api/people/nobody/sessions", admin).status()).isEqualTo(404);

        var r = http.delete("/api/people/carla.contrib/sessions", admin);
        assertThat(r.json().get("revoked").asInt()).isEqualTo(1);
        assertThat(http.get("/api/me", carla).status()).isEqualTo(401);
        assertThat(http.get("/api/me", admin).status()).isEqualTo(200);
    }

    @Test
    void thePageListsSessionsAndItsFormRevokesOne(Http http) {
        String cookies = http.browserSession("carla.contrib", TestLore.PASSWORD);
        String api = http.login("carla.contrib", TestLore.PASSWORD);
        var page = http.getWithCookies("/me/sessions", cookies);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Your sessions and tokens").contains("(this one)");
        assertThat(page.body()).contains(AuthService.tokenId(api));

        var revoke = http.form(
                "/me/sessions", Map.of("_csrf", Http.csrfOf(cookies), "id", AuthService.tokenId(api)), cookies);
        assertThat(revoke.status()).isEqualTo(303);
        assertThat(http.get("/api/me", api).status()).isEqualTo(401);
        assertThat(http.getWithCookies("/me/sessions", cookies).body()).doesNotContain(AuthService.tokenId(api));
    }
}
