package dev.lore.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SCIM 2.0 provisioning with the requests real clients send (RFC 7644's examples, Okta's, Entra ID's). */
@ExtendWith(TestLore.class)
class ScimIT {
    static final String TOKEN = "scim-token-for-tests-0123456789abcdef";
    private static final String SCIM = "application/scim+json";
    private TestLore.Running lore;
    private Http http;

    @BeforeEach
    void start(TestLore.Running running) {
        lore = running.another(
                "scim", c -> c.withIdentity(IdentitySettings.fromEnvironment(Map.of("LORE_SCIM_TOKEN", TOKEN))));
        http = lore.http();
    }

    private Http.Response scim(String method, String path, String body) {
        return http.send(method, path, body, TOKEN, body == null ? Map.of() : Map.of("Content-Type", SCIM));
    }

    /** RFC 7644 section 3.3's example, with the enterprise extension Entra ID and Okta send. */
    static final String BJENSEN = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "userName":"bjensen@example.com",
             "externalId":"bjensen",
             "name":{"formatted":"Ms. Barbara J Jensen III","familyName":"Jensen","givenName":"Barbara"},
             "emails":[{"value":"bjensen@example.com","type":"work","primary":true}],
             "title":"Tour Guide",
             "active":true,
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Tours"}}
            """;

    @Test
    void aDirectoryCreatesAPersonAndFindsThemByUserName() {
        // Okta and Entra ID look the user up first
        var none = scim("GET", "/scim/v2/Users?filter=" + Http.enc("userName eq \"bjensen@example.com\""), null);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().get("totalResults").asInt()).isZero();

        var created = scim("POST", "/scim/v2/Users", BJENSEN);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith(SCIM));
        String id = created.json().get("id").asText();
        assertThat(id).isEqualTo("bjensen");
        var person = lore.lore().people().get(id);
        assertThat(person.name()).isEqualTo("Ms. Barbara J Jensen III");
        assertThat(person.email()).isEqualTo("bjensen@example.com");
        assertThat(person.team()).isEqualTo("Tours");
        assertThat(person.title()).isEqualTo("Tour Guide");
        assertThat(person.role()).isEqualTo("contributor");

        var found = scim("GET", "/scim/v2/Users?filter=" + Http.enc("userName eq \"bjensen@example.com\""), null);
        assertThat(found.json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.json().get("Resources").get(0).get("id").asText()).isEqualTo(id);
        assertThat(scim("POST", "/scim/v2/Users", BJENSEN).status()).isEqualTo(409);
    }

    @Test
    void anExistingPersonIsLinkedByEmailNotDuplicated() {
        lore.lore()
                .people()
                .create("barbara", "Barbara Jensen", "BJensen@example.com", "", "", Role.CHAMPION, Optional.empty());
        long before = lore.lore().people().count();

        var created = scim("POST", "/scim/v2/Users", BJENSEN);

        assertThat(created.json().get("id").asText()).isEqualTo("barbara");
        assertThat(lore.lore().people().count()).isEqualTo(before);
        assertThat(lore.lore().people().get("barbara").role()).isEqualTo("champion");
    }

    @Test
    void oktaDeactivatingSomeoneEndsTheirSessionsAndTokensAtOnce() {
        String id = scim("POST", "/scim/v2/Users", BJENSEN).json().get("id").asText();
        lore.lore().people().setPassword(id, TestLore.PASSWORD);
        String token = lore.http().login("bjensen@example.com", TestLore.PASSWORD);
        assertThat(http.get("/api/me", token).status()).isEqualTo(200);

        var r = scim("PATCH", "/scim/v2/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"active":false}}]}
                """);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("active").asBoolean()).isFalse();
        assertThat(lore.lore().people().get(id).active()).isFalse();
        lore.clock().set(lore.clock().instant().plusSeconds(60)); // past the remembered sign-in
        assertThat(http.get("/api/me", token).status()).isEqualTo(401);

        String admin = http.login("admin", TestLore.PASSWORD);
        var created = dev.lore.server.audit.AuditIT.events(http, admin, "provision-create");
        assertThat(created).extracting(e -> e.get("targetId").asText()).containsExactly(id);
        assertThat(created.getFirst().get("actor").asText()).isEqualTo("scim");
        assertThat(dev.lore.server.audit.AuditIT.events(http, admin, "deactivate"))
                .extracting(e -> e.get("targetId").asText())
                .containsExactly(id);
    }

    @Test
    void entraIdDeactivatesWithItsOwnPatchShapeAndCanReactivate() {
        String id = scim("POST", "/scim/v2/Users", BJENSEN).json().get("id").asText();

        var off = scim("PATCH", "/scim/v2/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"False"},
                               {"op":"Replace","path":"title","value":"Senior Tour Guide"},
                               {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Travel"}]}
                """);
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        var person = lore.lore().people().get(id);
        assertThat(person.active()).isFalse();
        assertThat(person.title()).isEqualTo("Senior Tour Guide");
        assertThat(person.team()).isEqualTo("Travel");

        var on = scim("PUT", "/scim/v2/Users/" + id, BJENSEN);
        assertThat(on.status()).isEqualTo(200);
        assertThat(lore.lore().people().get(id).active()).isTrue();
    }

    @Test
    void deleteDeactivatesButKeepsThePersonAsAnAuthor() {
        String id = scim("POST", "/scim/v2/Users", BJENSEN).json().get("id").asText();
        assertThat(scim("DELETE", "/scim/v2/Users/" + id, null).status()).isEqualTo(204);
        assertThat(lore.lore().people().get(id).active()).isFalse();
    }

    @Test
    void badTokensAndBadRequestsGetScimErrors() {
        var anonymous = http.send("GET", "/scim/v2/Users", null, "not-the-token", Map.of());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(scim("POST", "/scim/v2/Users", "{\"name\":{}}").status()).isEqualTo(400);
        assertThat(scim("POST", "/scim/v2/Users", "not json").status()).isEqualTo(400);
        assertThat(scim("GET", "/scim/v2/Users?filter=" + Http.enc("title co \"x\""), null)
                        .json()
                        .get("scimType")
                        .asText())
                .isEqualTo("invalidFilter");
        assertThat(scim("GET", "/scim/v2/Users/nobody", null).status()).isEqualTo(404);
    }

    @Test
    void withoutATokenThereIsNoScim(Http plain) {
        assertThat(plain.send("GET", "/scim/v2/Users", null, TOKEN, Map.of()).status())
                .isEqualTo(404);
    }
}
