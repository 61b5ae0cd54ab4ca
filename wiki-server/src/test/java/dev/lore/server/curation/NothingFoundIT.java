package dev.lore.server.curation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A search that finds nothing (or only weak matches) turns into a question or a page request. */
@ExtendWith(TestLore.class)
class NothingFoundIT {

    @Test
    void aSearchThatFindsNothingOffersToAskAndToRequestAPageThatLandsOnTheGaps(TestLore.Running lore, Http http) {
        String cookies = http.browserSession("rudi.reader", TestLore.PASSWORD);

        String page = http.getWithCookies("/search?q=" + Http.enc("quantum teleportation"), cookies)
                .body();

        assertThat(page)
                .contains("Ask this as a question")
                .contains("href=\"/questions/new?title=quantum")
                .contains("action=\"/search/request\"")
                .contains("Request a page");
        var asked = http.form(
                "/search/request", Map.of("_csrf", Http.csrfOf(cookies), "q", "quantum teleportation"), cookies);
        assertThat(asked.status()).as(asked.body()).isEqualTo(303);
        String confirmation = http.getWithCookies(asked.header("Location").orElseThrow(), cookies)
                .body();
        assertThat(confirmation).contains("Page requested").contains("Ask this as a question");

        String champion = lore.person("cora.champion", "Cora Champion", "Enablement", Role.CHAMPION);
        JsonNode requests = http.get("/api/curation/gaps", champion).json().get("pageRequests");
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("query").asText()).isEqualTo("quantum teleportation");
        assertThat(requests.get(0).get("askedBy").get(0).asText()).isEqualTo("rudi.reader");
        String gaps = http.getWithCookies("/curation/gaps", http.browserSession("cora.champion", TestLore.PASSWORD))
                .body();
        assertThat(gaps)
                .contains("Pages people asked for")
                .contains("quantum teleportation")
                .contains("Rudi");
    }

    @Test
    void aBlankRequestIsRefusedAndAnonymousVisitorsAreAskedToSignIn(Http http) {
        String cookies = http.browserSession("rudi.reader", TestLore.PASSWORD);

        var blank = http.form("/search/request", Map.of("_csrf", Http.csrfOf(cookies), "q", "  "), cookies);
        var api =
                http.post("/api/curation/requests", Map.of("query", ""), http.login("rudi.reader", TestLore.PASSWORD));

        assertThat(blank.status()).isEqualTo(400);
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.json().get("error").asText()).isNotBlank();
        assertThat(http.get("/search?q=nothing+here").body()).contains("Sign in</a> to ask this as a question");
    }

    @Test
    void searchesWithOnlyWeakMatchesAndNoClickAreGapsButAClickedOneIsNot(TestLore.Running lore, Http http) {
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        http.post("/api/articles", Map.of("title", "Postgres replication", "markdown", "Replication lag."), carla);
        lore.settle();

        JsonNode ignored = http.get("/api/search?q=" + Http.enc("replcation")).json();
        JsonNode clicked = http.get("/api/search?q=" + Http.enc("replicaton")).json();
        http.get("/api/search?q=" + Http.enc("replication"));
        assertThat(ignored.get("fuzzy").asBoolean()).isTrue();
        assertThat(clicked.get("fuzzy").asBoolean()).isTrue();
        lore.settle(); // searches are logged in the background
        assertThat(http.post(
                                "/api/search/" + clicked.get("searchId").asText() + "/clicks",
                                Map.of("position", 1, "slug", "postgres-replication"),
                                null)
                        .status())
                .isEqualTo(204);

        var misses = lore.lore().search().misses(1, 10);
        assertThat(misses).extracting(m -> m.query()).containsExactly("replcation");
        assertThat(misses.getFirst().weak()).isEqualTo(1);
        JsonNode gaps = http.get("/api/curation/gaps", http.login("admin", TestLore.PASSWORD))
                .json()
                .get("searchesWithoutResults");
        assertThat(gaps.findValuesAsText("query")).isEqualTo(List.of("replcation"));
    }
}
