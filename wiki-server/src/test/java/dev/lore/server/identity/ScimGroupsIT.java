package dev.lore.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.audit.AuditIT;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SCIM 2.0 groups giving roles through {@code LORE_OIDC_ROLES}, with the requests real clients
 * send: RFC 7644's (section 3.5.2 remove by a member filter), Okta's (replace without a path,
 * add members) and Entra ID's (capitalised ops, members to remove in the value, excludedAttributes).
 */
@ExtendWith(TestLore.class)
class ScimGroupsIT {
    private static final String SCIM = "application/scim+json";
    private static final String PATCH = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";
    private TestLore.Running lore;
    private Http http;

    @BeforeEach
    void start(TestLore.Running running) {
        lore = running.another(
                "scim-groups",
                c -> c.withIdentity(IdentitySettings.fromEnvironment(Map.of(
                        "LORE_SCIM_TOKEN",
                        ScimIT.TOKEN,
                        "LORE_OIDC_ISSUER",
                        TestProvider.get().issuer().toString(),
                        "LORE_OIDC_CLIENT_ID",
                        TestProvider.CLIENT_ID,
                        "LORE_OIDC_ROLES",
                        "wiki-admins:admin,wiki-champions:champion,*:contributor"))));
        http = lore.http();
        for (String id : List.of("ana", "ben")) {
            lore.lore()
                    .people()
                    .create(
                            id,
                            id.toUpperCase(),
                            id + "@example.com",
                            "",
                            "",
                            Role.CONTRIBUTOR,
                            Optional.of(TestLore.PASSWORD));
            var linked = scim(
                    "POST",
                    "/scim/v2/Users",
                    "{\"userName\":\"" + id + "@example.com\",\"emails\":[{\"value\":\"" + id
                            + "@example.com\",\"primary\":true}]}");
            assertThat(linked.status()).as(linked.body()).isEqualTo(201);
            assertThat(linked.json().get("id").asText()).isEqualTo(id);
        }
    }

    private Http.Response scim(String method, String path, String body) {
        return http.send(method, path, body, ScimIT.TOKEN, body == null ? Map.of() : Map.of("Content-Type", SCIM));
    }

    private String role(String id) {
        return lore.lore().people().get(id).role();
    }

    private String group(String displayName, String... members) {
        var body = new StringBuilder(
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"")
                .append(displayName)
                .append("\",\"members\":[");
        for (int i = 0; i < members.length; i++) {
            body.append(i > 0 ? "," : "")
                    .append("{\"value\":\"")
                    .append(members[i])
                    .append("\"}");
        }
        var created = scim("POST", "/scim/v2/Groups", body.append("]}").toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location"))
                .hasValueSatisfying(l -> assertThat(l)
                        .isEqualTo("/scim/v2/Groups/" + created.json().get("id").asText()));
        return created.json().get("id").asText();
    }

    private List<String> members(String groupId) {
        var r = scim("GET", "/scim/v2/Groups/" + groupId, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var ids = new ArrayList<String>();
        r.json().get("members").forEach(m -> ids.add(m.get("value").asText()));
        return ids;
    }

    @Test
    void aMappedGroupGivesItsRoleAtOnceAndLeavingItTakesTheRoleAway() {
        String ana = http.login("ana", TestLore.PASSWORD);
        assertThat(http.get("/api/me", ana).json().get("role").asText()).isEqualTo("contributor");

        // RFC 7644 section 3.3: a group created with its members
        String admins = group("wiki-admins", "ana");

        assertThat(role("ana")).isEqualTo("admin");
        assertThat(http.get("/api/me", ana).json().get("role").asText()).isEqualTo("admin");
        assertThat(members(admins)).containsExactly("ana");

        // RFC 7644 section 3.5.2.2: remove one member by a value filter
        var removed = scim(
                "PATCH",
                "/scim/v2/Groups/" + admins,
                "{" + PATCH + ",\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\"ana\\\"]\"}]}");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(members(admins)).isEmpty();
        assertThat(role("ana")).isEqualTo("contributor");
        assertThat(http.get("/api/me", ana).json().get("role").asText()).isEqualTo("contributor");

        String admin = lore.http().login("admin", TestLore.PASSWORD);
        List<JsonNode> changes = AuditIT.events(http, admin, "role-change");
        assertThat(changes)
                .extracting(e -> e.get("targetId").asText() + " "
                        + e.get("actor").asText() + " " + e.get("detail").asText())
                .containsExactlyInAnyOrder(
                        "ana scim admin → contributor from groups []",
                        "ana scim contributor → admin from groups [wiki-admins]");
    }

    @Test
    void oktaAddsMembersAndRenamesWithAReplaceWithoutAPath() {
        String champions = group("Test SCIMv2");
        assertThat(role("ben")).isEqualTo("contributor");

        var added = scim(
                "PATCH",
                "/scim/v2/Groups/" + champions,
                "{" + PATCH + ",\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":"
                        + "[{\"value\":\"ben\",\"display\":\"ben@example.com\"}]}]}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(role("ben")).as("an unmapped group gives no role").isEqualTo("contributor");

        var renamed = scim(
                "PATCH",
                "/scim/v2/Groups/" + champions,
                "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"value\":{\"id\":\"" + champions
                        + "\",\"displayName\":\"wiki-champions\"}}]}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("displayName").asText()).isEqualTo("wiki-champions");
        assertThat(role("ben")).isEqualTo("champion");

        var found = scim("GET", "/scim/v2/Groups?filter=" + Http.enc("displayName eq \"wiki-champions\""), null);
        assertThat(found.json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.json().get("Resources").get(0).get("id").asText()).isEqualTo(champions);

        assertThat(scim("DELETE", "/scim/v2/Groups/" + champions, null).status())
                .isEqualTo(204);
        assertThat(scim("GET", "/scim/v2/Groups/" + champions, null).status()).isEqualTo(404);
        assertThat(role("ben")).isEqualTo("contributor");
    }

    @Test
    void entraIdAddsAndRemovesMembersInTheValueAndReadsWithoutMembers() {
        // Entra ID creates the group empty, then looks it up without members and patches them in
        var created = scim(
                "POST",
                "/scim/v2/Groups",
                "{\"externalId\":\"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159\",\"displayName\":\"Wiki-Admins\","
                        + "\"meta\":{\"resourceType\":\"Group\"},"
                        + "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        var lookup = scim(
                "GET",
                "/scim/v2/Groups?excludedAttributes=members&filter=" + Http.enc("displayName eq \"Wiki-Admins\""),
                null);
        assertThat(lookup.json().get("Resources").get(0).has("members")).isFalse();
        assertThat(lookup.json().get("Resources").get(0).get("externalId").asText())
                .isEqualTo("8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159");

        var add = scim(
                "PATCH",
                "/scim/v2/Groups/" + id,
                "{" + PATCH + ",\"Operations\":[{\"op\":\"Add\",\"path\":\"members\","
                        + "\"value\":[{\"$ref\":null,\"value\":\"ana\"},{\"$ref\":null,\"value\":\"ben\"}]}]}");
        assertThat(add.status()).as(add.body()).isEqualTo(200);
        // the mapping names groups as the directory does; "Wiki-Admins" is not "wiki-admins"
        assertThat(role("ana")).isEqualTo("contributor");

        var rename = scim(
                "PATCH",
                "/scim/v2/Groups/" + id,
                "{" + PATCH
                        + ",\"Operations\":[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"wiki-admins\"}]}");
        assertThat(rename.status()).as(rename.body()).isEqualTo(200);
        assertThat(role("ana")).isEqualTo("admin");
        assertThat(role("ben")).isEqualTo("admin");

        var remove = scim(
                "PATCH",
                "/scim/v2/Groups/" + id,
                "{" + PATCH + ",\"Operations\":[{\"op\":\"Remove\",\"path\":\"members\","
                        + "\"value\":[{\"$ref\":null,\"value\":\"ben\"}]}]}");
        assertThat(remove.status()).as(remove.body()).isEqualTo(200);
        assertThat(members(id)).containsExactly("ana");
        assertThat(role("ben")).isEqualTo("contributor");
        assertThat(role("ana")).isEqualTo("admin");
    }

    @Test
    void aRoleSetByHandStaysUntilAMappedGroupSaysOtherwise() {
        lore.lore().people().setRole("ben", Role.CHAMPION, p -> p);
        String everyone = group("everyone", "ben");
        assertThat(role("ben")).isEqualTo("champion");

        String admins = group("wiki-admins");
        scim(
                "PUT",
                "/scim/v2/Groups/" + admins,
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"wiki-admins\","
                        + "\"members\":[{\"value\":\"ben\"}]}");
        assertThat(role("ben")).isEqualTo("admin");

        var emptied = scim(
                "PATCH",
                "/scim/v2/Groups/" + admins,
                "{" + PATCH + ",\"Operations\":[{\"op\":\"remove\",\"path\":\"members\"}]}");
        assertThat(emptied.status()).as(emptied.body()).isEqualTo(200);
        assertThat(role("ben"))
                .as("the mapping gave admin, so leaving takes it")
                .isEqualTo("contributor");
        assertThat(members(everyone)).containsExactly("ben");
    }

    @Test
    void badGroupRequestsGetScimErrors() {
        group("wiki-admins");
        var taken = scim("POST", "/scim/v2/Groups", "{\"displayName\":\"WIKI-ADMINS\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("scimType").asText()).isEqualTo("uniqueness");

        var stranger = scim("POST", "/scim/v2/Groups", "{\"displayName\":\"x\",\"members\":[{\"value\":\"nobody\"}]}");
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.json().get("scimType").asText()).isEqualTo("invalidValue");
        assertThat(stranger.json().get("detail").asText()).contains("nobody");
        assertThat(scim("GET", "/scim/v2/Groups?filter=" + Http.enc("displayName eq \"x\""), null)
                        .json()
                        .get("totalResults")
                        .asInt())
                .as("nothing was written")
                .isZero();

        assertThat(scim("POST", "/scim/v2/Groups", "{\"members\":[]}").status()).isEqualTo(400);
        assertThat(scim("GET", "/scim/v2/Groups?filter=" + Http.enc("members eq \"ana\""), null)
                        .json()
                        .get("scimType")
                        .asText())
                .isEqualTo("invalidFilter");
        assertThat(scim("PATCH", "/scim/v2/Groups/nope", "{" + PATCH + ",\"Operations\":[]}")
                        .status())
                .isEqualTo(404);
        assertThat(http.send("GET", "/scim/v2/Groups", null, "wrong-token", Map.of())
                        .status())
                .isEqualTo(401);
    }
}
