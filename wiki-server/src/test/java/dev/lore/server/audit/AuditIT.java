package dev.lore.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.AuthService;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestLore.class)
public class AuditIT {
    /** The audit events an admin sees, newest first; {@code action} filters. */
    public static List<JsonNode> events(Http http, String adminToken, String action) {
        var r = http.get("/api/admin/audit?action=" + Http.enc(action), adminToken);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var list = new ArrayList<JsonNode>();
        r.json().get("events").forEach(list::add);
        return list;
    }

    @Test
    void signInsFailedOnesSignOutsAndTokensAreWrittenDown(Http http) {
        assertThat(http.post("/api/login", Map.of("username", "carla.contrib", "password", "wrong-wrong"), null)
                        .status())
                .isEqualTo(401);
        assertThat(http.post("/api/login", Map.of("username", "no.such.person", "password", "wrong-wrong"), null)
                        .status())
                .isEqualTo(401);
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        String api =
                http.post("/api/tokens", Map.of(), carla).json().get("token").asText();
        assertThat(http.delete("/api/me/sessions/" + AuthService.tokenId(api), carla)
                        .status())
                .isEqualTo(204);
        assertThat(http.post("/api/logout", Map.of(), carla).status()).isEqualTo(204);
        String admin = http.login("admin", TestLore.PASSWORD);

        var failed = events(http, admin, "sign-in-failed");
        assertThat(failed).extracting(e -> e.get("targetId").asText()).contains("carla.contrib", "no.such.person");
        assertThat(failed)
                .extracting(e -> e.get("detail").asText())
                .anySatisfy(d -> assertThat(d).startsWith("password from ").endsWith("wrong password"));
        assertThat(events(http, admin, "sign-in"))
                .extracting(e -> e.get("targetId").asText())
                .contains("carla.contrib", "admin");
        assertThat(events(http, admin, "token-create")).hasSize(1);
        JsonNode revoke = events(http, admin, "token-revoke").getFirst();
        assertThat(revoke.get("targetId").asText()).isEqualTo("carla.contrib");
        assertThat(revoke.get("detail").asText()).contains(AuthService.tokenId(api));
        assertThat(events(http, admin, "sign-out"))
                .extracting(e -> e.get("actor").asText())
                .containsExactly("carla.contrib");
    }

    @Test
    void onlyAdminsSeeItAndItExportsAsInertCsv(Http http) {
        http.post("/api/login", Map.of("username", "=HYPERLINK(\"x\")", "password", "wrong-wrong"), null);
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        assertThat(http.get("/api/admin/audit", carla).status()).isEqualTo(403);
        assertThat(http.get("/api/admin/audit.csv", carla).status()).isEqualTo(403);
        assertThat(http.get("/api/admin/audit").status()).isEqualTo(401);

        String admin = http.login("admin", TestLore.PASSWORD);
        var csv = http.get("/api/admin/audit.csv", admin);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("at,action,targetKind,targetId,actor,actorName,detail\r\n");
        assertThat(csv.body()).contains(",sign-in-failed,person,\"'=HYPERLINK(\"\"x\"\")\",anonymous,");
    }

    @Test
    void theChampionsReviewLogShowsModerationOnlyNotSignIns(Http http) {
        String admin = http.login("admin", TestLore.PASSWORD);
        var r = http.get("/api/moderation/audit", admin);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("sign-in");
        assertThat(events(http, admin, "sign-in")).isNotEmpty();
    }
}
