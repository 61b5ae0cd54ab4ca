package dev.lore.server.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestLore.class)
class SuggestionsIT {
    private Http http;
    private String carla;
    private String rudi;

    @BeforeEach
    void setUp(Http http) {
        this.http = http;
        this.carla = http.login("carla.contrib", TestLore.PASSWORD);
        this.rudi = http.login("rudi.reader", TestLore.PASSWORD);
        var r = http.post(
                "/api/articles",
                Map.of(
                        "title",
                        "Laptop setup",
                        "markdown",
                        "Install the JDK.\n\nAsk IT for a VPN.",
                        "owner",
                        "carla.contrib"),
                carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private JsonNode suggest(String markdown) {
        var r = http.post(
                "/api/articles/laptop-setup/suggestions",
                Map.of("markdown", markdown, "message", "VPN moved", "baseRevision", 1),
                rudi);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private List<String> kinds(String token) {
        var out = new ArrayList<String>();
        http.get("/api/notifications", token)
                .json()
                .get("notifications")
                .forEach(n -> out.add(n.get("kind").asText()));
        return out;
    }

    @Test
    void aReadersSuggestionAcceptedByTheOwnerBecomesTheirRevision() {
        JsonNode s = suggest("Install the JDK.\n\nUse the self-service VPN portal.");
        assertThat(s.get("status").asText()).isEqualTo("open");
        assertThat(kinds(carla)).contains("edit-suggested");

        JsonNode shown =
                http.get("/api/suggestions/" + s.get("id").asText(), carla).json();
        assertThat(shown.get("diff").get("added").asInt()).isEqualTo(1);
        assertThat(shown.get("diff").get("removed").asInt()).isEqualTo(1);

        var accepted = http.post("/api/suggestions/" + s.get("id").asText() + "/accept", Map.of(), carla);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asText()).isEqualTo("accepted");
        assertThat(accepted.json().get("revision").asInt()).isEqualTo(2);

        JsonNode revision = http.get("/api/articles/laptop-setup/revisions/2").json();
        assertThat(revision.get("author").get("id").asText()).isEqualTo("rudi.reader");
        assertThat(revision.get("message").asText()).contains("Suggested by").contains("VPN moved");
        assertThat(http.get("/api/articles/laptop-setup").json().get("markdown").asText())
                .contains("self-service VPN portal");
        assertThat(kinds(rudi)).contains("suggestion-accepted");
        // decided once only
        assertThat(http.post("/api/suggestions/" + s.get("id").asText() + "/accept", Map.of(), carla)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void acceptingWithChangesCreditsTheProposerThenTheDecider() {
        JsonNode s = suggest("Install the JDK.\n\nUse the VPN portal.");
        var accepted = http.post(
                "/api/suggestions/" + s.get("id").asText() + "/accept",
                Map.of("markdown", "Install the JDK 21.\n\nUse the VPN portal."),
                carla);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode revisions =
                http.get("/api/articles/laptop-setup/revisions").json().get("revisions");
        assertThat(revisions)
                .extracting(r -> r.get("author").get("id").asText())
                .containsExactly("carla.contrib", "rudi.reader", "carla.contrib");
    }

    @Test
    void aDeclinedSuggestionTellsTheProposerWhy() {
        JsonNode s = suggest("Something wrong.");
        var missingNote =
                http.post("/api/suggestions/" + s.get("id").asText() + "/decline", Map.of("note", " "), carla);
        assertThat(missingNote.status()).isEqualTo(400);
        var declined = http.post(
                "/api/suggestions/" + s.get("id").asText() + "/decline",
                Map.of("note", "IT still hands out VPN access."),
                carla);
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.json().get("status").asText()).isEqualTo("declined");
        assertThat(http.get("/api/articles/laptop-setup").json().get("revision").asInt())
                .isEqualTo(1);
        var mine = http.get("/api/suggestions", rudi).json().get("mine").get(0);
        assertThat(mine.get("status").asText()).isEqualTo("declined");
        assertThat(mine.get("note").asText()).isEqualTo("IT still hands out VPN access.");
        assertThat(kinds(rudi)).contains("suggestion-declined");
    }

    @Test
    void onlyTheOwnerOrAChampionDecides() {
        JsonNode s = suggest("Install the JDK.");
        String other =
                TestLore.get().person("olga.other", "Olga Other", "Platform", dev.lore.server.auth.Role.CONTRIBUTOR);
        assertThat(http.post("/api/suggestions/" + s.get("id").asText() + "/accept", Map.of(), other)
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/api/suggestions/" + s.get("id").asText() + "/accept", Map.of(), rudi)
                        .status())
                .isEqualTo(403);
        String admin = http.login("admin", TestLore.PASSWORD);
        assertThat(http.post("/api/suggestions/" + s.get("id").asText() + "/accept", Map.of(), admin)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aSuggestionOnAnOlderRevisionCannotOverwriteLaterEdits() {
        JsonNode s = suggest("Install the JDK.");
        var edit =
                http.put("/api/articles/laptop-setup", Map.of("markdown", "Install JDK 21.", "baseRevision", 1), carla);
        assertThat(edit.status()).isEqualTo(200);
        var accepted = http.post("/api/suggestions/" + s.get("id").asText() + "/accept", Map.of(), carla);
        assertThat(accepted.status()).isEqualTo(409);
        assertThat(accepted.json().get("detail").asText()).contains("changed since");
        assertThat(http.get("/api/articles/laptop-setup").json().get("markdown").asText())
                .isEqualTo("Install JDK 21.");
    }

    @Test
    void refusesEmptyUnchangedAndAnonymousSuggestions() {
        assertThat(http.post("/api/articles/laptop-setup/suggestions", Map.of("markdown", "x"), null)
                        .status())
                .isEqualTo(401);
        var same = http.post(
                "/api/articles/laptop-setup/suggestions",
                Map.of("markdown", "Install the JDK.\n\nAsk IT for a VPN."),
                rudi);
        assertThat(same.status()).isEqualTo(400);
        assertThat(http.post("/api/articles/laptop-setup/suggestions", Map.of("title", "x"), rudi)
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/api/articles/laptop-setup/suggestions", Map.of("markdown", "x", "baseRevision", 9), rudi)
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/api/articles/nowhere/suggestions", Map.of("markdown", "x"), rudi)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/suggestions/nope", rudi).status()).isEqualTo(404);
    }

    @Test
    void theSuggestionPagesWorkWithoutScripts() {
        String cookies = http.browserSession("rudi.reader", TestLore.PASSWORD);
        assertThat(http.getWithCookies("/wiki/laptop-setup", cookies).body()).contains("/wiki/laptop-setup/suggest");
        assertThat(http.getWithCookies("/wiki/laptop-setup/suggest", cookies).body())
                .contains("Ask IT for a VPN.");
        var posted = http.form(
                "/wiki/laptop-setup/suggestions",
                Map.of(
                        "_csrf",
                        Http.csrfOf(cookies),
                        "title",
                        "Laptop setup",
                        "markdown",
                        "Use the portal.",
                        "baseRevision",
                        "1"),
                cookies);
        assertThat(posted.status()).as(posted.body()).isEqualTo(303);
        String url = posted.header("Location").orElseThrow();
        assertThat(http.getWithCookies(url, cookies).body())
                .contains("Use the portal.")
                .doesNotContain("Accept");

        String owner = http.browserSession("carla.contrib", TestLore.PASSWORD);
        assertThat(http.getWithCookies("/suggestions", owner).body()).contains(url);
        var declined = http.form(url + "/decline", Map.of("_csrf", Http.csrfOf(owner), "note", "Not yet."), owner);
        assertThat(declined.status()).isEqualTo(303);
        assertThat(http.getWithCookies(url, cookies).body())
                .contains("declined")
                .contains("Not yet.");
    }
}
