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

    @Test
    void anAdminsDeactivationReactivationAndRoleChangesAreWrittenDown(Http http) {
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        String admin = http.login("admin", TestLore.PASSWORD);

        var left = http.put("/api/people/carla.contrib/availability", Map.of("status", "inactive"), admin);
        assertThat(left.status()).as(left.body()).isEqualTo(200);
        assertThat(http.get("/api/me", carla).status()).isEqualTo(401);
        http.put("/api/people/carla.contrib/availability", Map.of("status", "inactive"), admin);
        http.put("/api/people/carla.contrib/availability", Map.of("status", "available"), admin);
        var promoted = http.put("/api/people/rudi.reader/role", Map.of("role", "champion"), admin);
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        http.put("/api/people/rudi.reader/role", Map.of("role", "champion"), admin);

        var deactivated = events(http, admin, "deactivate");
        assertThat(deactivated).hasSize(1); // the second request changed nothing
        assertThat(deactivated.getFirst().get("targetId").asText()).isEqualTo("carla.contrib");
        assertThat(deactivated.getFirst().get("actor").asText()).isEqualTo("admin");
        assertThat(events(http, admin, "reactivate"))
                .extracting(e ->
                        e.get("targetId").asText() + " by " + e.get("actor").asText())
                .containsExactly("carla.contrib by admin");
        var roles = events(http, admin, "role-change");
        assertThat(roles).hasSize(1);
        assertThat(roles.getFirst().get("targetId").asText()).isEqualTo("rudi.reader");
        assertThat(roles.getFirst().get("actor").asText()).isEqualTo("admin");
        assertThat(roles.getFirst().get("detail").asText()).isEqualTo("reader → champion by hand");
    }

    @Test
    void adminsReadTheLogOnAPageFilteredByActionAndPersonWithTheSameEventsAsCsv(Http http) {
        String admin = http.login("admin", TestLore.PASSWORD);
        http.put("/api/people/carla.contrib/availability", Map.of("status", "inactive"), admin);
        String rudi = http.login("rudi.reader", TestLore.PASSWORD);

        var page = http.get("/admin/audit?action=deactivate&person=carla.contrib", admin);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Audit log</h1>")
                .contains("<td>carla.contrib</td>")
                .doesNotContain("<td>sign-in</td>")
                .contains("<option value=\"deactivate\" selected")
                .contains("href=\"/api/admin/audit.csv?limit=200&amp;action=deactivate&amp;person=carla.contrib\"");
        var csv = http.get("/api/admin/audit.csv?limit=200&action=deactivate&person=carla.contrib", admin);
        assertThat(csv.body().lines().skip(1).toList())
                .singleElement()
                .satisfies(line -> assertThat(line).contains(",deactivate,person,carla.contrib,admin,"));
        assertThat(http.get("/api/admin/audit?person=rudi.reader", admin).json().get("events"))
                .allSatisfy(e -> assertThat(
                                e.get("targetId").asText() + e.get("actor").asText())
                        .contains("rudi.reader"))
                .isNotEmpty();

        assertThat(http.get("/admin/audit", rudi).status()).isEqualTo(403);
    }
}
