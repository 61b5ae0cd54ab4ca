package dev.lore.server.handover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.identity.IdentitySettings;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A departure end to end: an owner is made inactive, their pages wait with proposed new owners and
 * reasons, champions and the team hear of it, an offer is declined and another accepted through the
 * inbox, a page is marked for archiving, and the gaps page shows what rested on the person.
 */
@ExtendWith(TestLore.class)
class HandoverIT {
    private TestLore.Running lore;
    private Http http;
    private String admin;
    private String chris;
    private String dana;
    private String eli;
    private String fay;
    private String rudi;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        admin = http.login("admin", TestLore.PASSWORD);
        rudi = http.login("rudi.reader", TestLore.PASSWORD);
        chris = lore.person("chris", "Chris Champion", "Enablement", Role.CHAMPION);
        dana = lore.person("dana", "Dana Okoye", "Platform", Role.CONTRIBUTOR);
        eli = lore.person("eli", "Eli Novak", "Platform", Role.CONTRIBUTOR);
        fay = lore.person("fay", "Fay Laurent", "Data", Role.CONTRIBUTOR);
    }

    private static String lines(String prefix, int n) {
        var out = new ArrayList<String>();
        for (int i = 1; i <= n; i++) {
            out.add(prefix + " line number " + i + " of the runbook text.");
        }
        return String.join("\n\n", out) + "\n";
    }

    /** Dana writes six lines about Terraform and Eli adds four: Eli holds 40% of the lasting text. */
    private String sharedPage() {
        var created = http.post(
                "/api/articles",
                Map.of(
                        "title",
                        "Terraform state locking",
                        "markdown",
                        lines("Dana", 6),
                        "skills",
                        List.of("Terraform"),
                        "owner",
                        "dana"),
                dana);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String slug = created.json().get("slug").asText();
        var edited = http.put(
                "/api/articles/" + slug,
                Map.of("markdown", lines("Dana", 6) + "\n" + lines("Eli", 4), "baseRevision", 1),
                eli);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        return slug;
    }

    private String danasOwnPage() {
        var created = http.post(
                "/api/articles",
                Map.of("title", "Old build farm notes", "markdown", lines("Farm", 3), "owner", "dana"),
                dana);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("slug").asText();
    }

    private void declareTerraform(String person) {
        var r = http.put(
                "/api/people/" + person + "/skills",
                Map.of("skills", List.of(Map.of("name", "Terraform", "level", "expert"))),
                admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private void deactivate(String person) {
        var r = http.put("/api/people/" + person + "/availability", Map.of("status", "inactive"), admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        lore.settle();
    }

    private JsonNode queue(String token) {
        var r = http.get("/api/handover", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode item(JsonNode queue, String slug) {
        for (JsonNode i : queue.get("queue")) {
            if (i.get("slug").asText().equals(slug)) {
                return i;
            }
        }
        throw new AssertionError("no " + slug + " in " + queue);
    }

    private List<String> kinds(String token) {
        var r = http.get("/api/notifications", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var out = new ArrayList<String>();
        r.json().get("notifications").forEach(n -> out.add(n.get("kind").asText()));
        return out;
    }

    @Test
    void aDepartureRunsFromDeactivationToANewOwner() {
        String shared = sharedPage();
        String own = danasOwnPage();
        declareTerraform("fay");
        lore.settle();
        assertThat(queue(chris).get("queue")).isEmpty();

        deactivate("dana");

        // champions and Dana's team hear of it; people of other teams do not
        assertThat(kinds(chris)).contains("handover-queue");
        assertThat(kinds(eli)).contains("handover-queue");
        assertThat(kinds(fay)).doesNotContain("handover-queue");

        JsonNode all = queue(chris);
        assertThat(all.get("queue")).hasSize(2);
        JsonNode page = item(all, shared);
        assertThat(page.get("owner").get("id").asText()).isEqualTo("dana");
        assertThat(page.get("reason").asText()).isEqualTo("left");
        assertThat(page.get("team").asText()).isEqualTo("Platform");
        JsonNode proposals = page.get("proposals");
        assertThat(proposals.get(0).get("id").asText()).isEqualTo("eli");
        assertThat(proposals.get(0).get("source").asText()).isEqualTo("contributor");
        assertThat(proposals.get(0).get("why").asText()).startsWith("Wrote 40% of it");
        var ids = new ArrayList<String>();
        proposals.forEach(p -> ids.add(p.get("id").asText()));
        assertThat(ids).contains("fay").doesNotContain("dana", "rudi.reader");
        JsonNode fayProposal = proposals.get(ids.indexOf("fay"));
        assertThat(fayProposal.get("source").asText()).isEqualTo("expert");
        assertThat(fayProposal.get("why").asText()).contains("Terraform");
        // a page nobody else wrote and without skills falls to the champions
        assertThat(item(all, own).get("proposals").get(0).get("id").asText()).isEqualTo("chris");

        // the team works its own part of the queue; a reader sees none and may not decide
        assertThat(queue(eli).get("queue")).hasSize(2);
        assertThat(queue(fay).get("queue")).isEmpty();
        assertThat(queue(rudi).get("queue")).isEmpty();
        assertThat(http.post("/api/handover/pages/" + shared + "/accept", Map.of(), rudi)
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/api/handover/pages/" + shared + "/accept", Map.of(), fay)
                        .status())
                .isEqualTo(403);

        // one click offers the page to the first proposal: Eli is asked, and declines
        var offered = http.post("/api/handover/pages/" + shared + "/accept", Map.of(), chris);
        assertThat(offered.status()).as(offered.body()).isEqualTo(201);
        String offerToEli = offered.json().get("id").asText();
        assertThat(offered.json().get("to").get("id").asText()).isEqualTo("eli");
        assertThat(kinds(eli)).contains("handover-offered");
        var eliOffers = http.get("/api/handover/offers", eli).json().get("offers");
        assertThat(eliOffers).hasSize(1);
        assertThat(eliOffers.get(0).get("why").asText()).startsWith("Wrote 40% of it");
        assertThat(item(queue(chris), shared).get("pending").get("to").get("id").asText())
                .isEqualTo("eli");
        assertThat(http.post("/api/handover/offers/" + offerToEli + "/accept", Map.of(), fay)
                        .status())
                .isEqualTo(403);
        var declined = http.post("/api/handover/offers/" + offerToEli + "/decline", Map.of(), eli);
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.json().get("status").asText()).isEqualTo("declined");
        assertThat(kinds(chris)).contains("handover-answered");
        assertThat(http.post("/api/handover/offers/" + offerToEli + "/accept", Map.of(), eli)
                        .status())
                .isEqualTo(409);
        JsonNode back = item(queue(chris), shared);
        assertThat(back.get("pending").isNull()).isTrue();
        assertThat(back.get("declined").get("to").get("id").asText()).isEqualTo("eli");

        // the champion picks someone else, who accepts: the page is theirs and leaves the queue
        var picked = http.post("/api/handover/pages/" + shared + "/offer", Map.of("person", "fay"), chris);
        assertThat(picked.status()).as(picked.body()).isEqualTo(201);
        var accepted =
                http.post("/api/handover/offers/" + picked.json().get("id").asText() + "/accept", Map.of(), fay);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(http.get("/api/articles/" + shared, fay).json().get("owner").asText())
                .isEqualTo("fay");

        // the other page is marked for archiving: the queue is done
        assertThat(http.post("/api/handover/pages/" + own + "/archive", Map.of(), eli)
                        .status())
                .isEqualTo(204);
        assertThat(queue(chris).get("queue")).isEmpty();
        assertThat(http.post("/api/handover/pages/" + own + "/accept", Map.of(), chris)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void badHandoverRequestsAreClearErrors() {
        String shared = sharedPage();
        deactivate("dana");
        var unknown = http.post("/api/handover/pages/" + shared + "/offer", Map.of("person", "nobody"), chris);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isNotBlank();
        assertThat(http.post("/api/handover/pages/" + shared + "/offer", Map.of("person", "dana"), chris)
                        .status())
                .isEqualTo(409);
        assertThat(http.post("/api/handover/pages/" + shared + "/offer", Map.of("person", "rudi.reader"), chris)
                        .status())
                .isEqualTo(409);
        assertThat(http.post("/api/handover/pages/" + shared + "/offer", Map.of(), chris)
                        .status())
                .isEqualTo(400);
        assertThat(http.raw("POST", "/api/handover/pages/" + shared + "/offer", "person=fay", "text/plain", chris)
                        .status())
                .isEqualTo(415);
        assertThat(http.post("/api/handover/pages/no-such-page/accept", Map.of(), chris)
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/api/handover/offers/no-such-offer/accept", Map.of(), chris)
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/api/handover/pages/" + shared + "/keep", Map.of(), chris)
                        .status())
                .isEqualTo(409); // Dana left: the page cannot stay with her
        assertThat(http.get("/api/handover", null).status()).isEqualTo(401);
    }

    @Test
    void deactivatingTwiceTellsTheChampionsOnce() {
        sharedPage();
        deactivate("dana");
        deactivate("dana");
        assertThat(kinds(chris).stream().filter("handover-queue"::equals)).hasSize(1);
    }

    @Test
    void aTeamMoveQueuesThePagesUntilKeptOrHandedOver() {
        String shared = sharedPage();
        var moved = http.post(
                "/api/handover/moves", Map.of("person", "dana", "fromTeam", "Platform", "toTeam", "Data"), chris);
        assertThat(moved.status()).as(moved.body()).isEqualTo(201);
        assertThat(kinds(eli)).contains("handover-queue");
        JsonNode page = item(queue(chris), shared);
        assertThat(page.get("reason").asText()).isEqualTo("moved");
        assertThat(page.get("team").asText()).isEqualTo("Platform");
        assertThat(http.post(
                                "/api/handover/moves",
                                Map.of("person", "dana", "fromTeam", "Platform", "toTeam", "Platform"),
                                chris)
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/api/handover/moves", Map.of("person", "dana", "fromTeam", "Platform"), eli)
                        .status())
                .isEqualTo(403);

        assertThat(http.post("/api/handover/pages/" + shared + "/keep", Map.of(), chris)
                        .status())
                .isEqualTo(204);
        assertThat(queue(chris).get("queue")).isEmpty();
    }

    @Test
    void theGapsPageShowsTheBusFactorWithTheActionThatFixesIt() {
        String shared = sharedPage();
        String own = danasOwnPage();
        declareTerraform("fay");
        lore.settle();
        deactivate("dana");

        var r = http.get("/api/curation/gaps", admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode bus = r.json().get("busFactor");
        JsonNode terraform = null;
        for (JsonNode s : bus.get("skills")) {
            if (s.get("skill").asText().equals("Terraform")) {
                terraform = s;
            }
        }
        assertThat(terraform).as(bus.toString()).isNotNull();
        assertThat(terraform.get("experts").asInt()).isEqualTo(1);
        assertThat(terraform.get("living").get(0).get("id").asText()).isEqualTo("fay");
        assertThat(terraform.get("gone").get(0).get("id").asText()).isEqualTo("dana");
        assertThat(terraform.get("action").asText()).isEqualTo("/people/fay");

        var pages = new ArrayList<String>();
        bus.get("pages").forEach(p -> pages.add(p.get("slug").asText()));
        assertThat(pages).containsExactly(own, shared); // 100% and 60% by Dana
        JsonNode first = bus.get("pages").get(0);
        assertThat(first.get("action").asText()).isEqualTo("/handover#page-" + own);
        assertThat(first.get("teams").get(0).asText()).isEqualTo("Platform");

        JsonNode platform = null;
        for (JsonNode t : bus.get("teams")) {
            if (t.get("team").asText().equals("Platform")) {
                platform = t;
            }
        }
        assertThat(platform).as(bus.toString()).isNotNull();
        assertThat(platform.get("left").asInt()).isEqualTo(1);
        assertThat(platform.get("orphanedPages").asInt()).isEqualTo(2);
        assertThat(platform.get("action").asText()).isEqualTo("/handover?team=Platform");

        var html = http.getWithCookies("/curation/gaps", http.browserSession("admin", TestLore.PASSWORD));
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("Bus factor", "Old build farm notes", "Hand it over");
    }

    @Test
    void aDirectoryDeactivationQueuesTheOwnersPages() {
        var scimLore = lore.another(
                "scim",
                c -> c.withIdentity(IdentitySettings.fromEnvironment(
                        Map.of("LORE_SCIM_TOKEN", "scim-token-for-tests-0123456789abcdef"))));
        String token = "scim-token-for-tests-0123456789abcdef";
        var created = scimLore.http()
                .send("POST", "/scim/v2/Users", """
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                         "userName":"gus@example.com","name":{"givenName":"Gus","familyName":"Moreau"},
                         "emails":[{"value":"gus@example.com","primary":true}],"active":true}
                        """, token, Map.of("Content-Type", "application/scim+json"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String gus = created.json().get("id").asText();
        var page = http.post(
                "/api/articles", Map.of("title", "Release train", "markdown", lines("Gus", 3), "owner", gus), admin);
        assertThat(page.status()).as(page.body()).isEqualTo(201);

        var deleted = scimLore.http().send("DELETE", "/scim/v2/Users/" + gus, null, token, Map.of());
        assertThat(deleted.status()).isEqualTo(204);

        JsonNode queue = queue(chris);
        assertThat(item(queue, page.json().get("slug").asText())
                        .get("owner")
                        .get("id")
                        .asText())
                .isEqualTo(gus);
        assertThat(kinds(chris)).contains("handover-queue");
    }

    @Test
    void aDirectoryTeamMoveQueuesTheOwnersPages() {
        var scimLore = lore.another(
                "scim",
                c -> c.withIdentity(IdentitySettings.fromEnvironment(
                        Map.of("LORE_SCIM_TOKEN", "scim-token-for-tests-0123456789abcdef"))));
        String token = "scim-token-for-tests-0123456789abcdef";
        var created = scimLore.http()
                .send("POST", "/scim/v2/Users", """
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                         "userName":"hana@example.com","name":{"givenName":"Hana","familyName":"Ito"},
                         "emails":[{"value":"hana@example.com","primary":true}],"active":true,
                         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Platform"}}
                        """, token, Map.of("Content-Type", "application/scim+json"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String hana = created.json().get("id").asText();
        var page = http.post(
                "/api/articles", Map.of("title", "Deploy freeze", "markdown", lines("Hana", 3), "owner", hana), admin);
        assertThat(page.status()).as(page.body()).isEqualTo(201);
        String slug = page.json().get("slug").asText();

        var renamedOnly = scimLore.http()
                .send("PATCH", "/scim/v2/Users/" + hana, """
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations":[{"op":"replace","path":"title","value":"Staff engineer"}]}
                        """, token, Map.of("Content-Type", "application/scim+json"));
        assertThat(renamedOnly.status()).as(renamedOnly.body()).isEqualTo(200);
        assertThat(queue(chris).get("queue")).isEmpty();

        var moved = scimLore.http()
                .send("PATCH", "/scim/v2/Users/" + hana, """
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations":[{"op":"replace",
                           "path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                           "value":"Data"}]}
                        """, token, Map.of("Content-Type", "application/scim+json"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        JsonNode item = item(queue(chris), slug);
        assertThat(item.get("reason").asText()).isEqualTo("moved");
        assertThat(item.get("team").asText()).isEqualTo("Platform");
    }
}
