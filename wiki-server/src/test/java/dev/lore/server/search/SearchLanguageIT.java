package dev.lore.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The query language, facets, typo tolerance, cards and the search log, through the HTTP API. */
@ExtendWith(TestLore.class)
class SearchLanguageIT {
    private Http http;
    private TestLore.Running lore;

    @BeforeEach
    void givenAFewPages(TestLore.Running lore) {
        this.lore = lore;
        this.http = lore.http();
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        String admin = http.login("admin", TestLore.PASSWORD);
        http.post(
                "/api/articles",
                Map.of(
                        "title",
                        "Kafka consumer groups",
                        "markdown",
                        "Consumer lag grows when partitions are unbalanced.",
                        "tags",
                        List.of("kafka", "messaging"),
                        "skills",
                        List.of("Kafka")),
                carla);
        http.post(
                "/api/articles",
                Map.of(
                        "title",
                        "Kafka producer retries",
                        "markdown",
                        "Idempotent producers avoid duplicate messages.",
                        "tags",
                        List.of("kafka"),
                        "skills",
                        List.of("Kafka")),
                admin);
        http.post(
                "/api/articles",
                Map.of(
                        "title",
                        "Postgres replication",
                        "markdown",
                        "Streaming replication and consumer lag of replicas.",
                        "tags",
                        List.of("postgres"),
                        "skills",
                        List.of("PostgreSQL")),
                carla);
    }

    private JsonNode search(String query) {
        var r = http.get("/api/search?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> slugs(JsonNode result) {
        return result.get("hits").findValuesAsText("slug");
    }

    @Test
    void quotedPhrasesMustAppearAsPhrases() {
        assertThat(slugs(search("q=" + Http.enc("\"consumer lag\""))))
                .containsExactlyInAnyOrder("kafka-consumer-groups", "postgres-replication");
        assertThat(slugs(search("q=" + Http.enc("\"lag consumer\"")))).isEmpty();
    }

    @Test
    void minusExcludesWordsAndFiltersNarrow() {
        assertThat(slugs(search("q=" + Http.enc("lag -replication")))).containsExactly("kafka-consumer-groups");
        assertThat(slugs(search("q=" + Http.enc("lag tag:kafka")))).containsExactly("kafka-consumer-groups");
        assertThat(slugs(search("q=" + Http.enc("skill:postgresql") + "&type=article")))
                .containsExactly("postgres-replication");
        assertThat(slugs(search("q=" + Http.enc("kafka author:administrator"))))
                .containsExactly("kafka-producer-retries");
        assertThat(slugs(search("q=" + Http.enc("kafka type:question")))).isEmpty();
        assertThat(http.get("/api/search?q=kafka&type=bogus").status()).isEqualTo(400);
    }

    @Test
    void facetCountsFollowTheSelection() {
        JsonNode lag = search("q=lag");
        assertThat(lag.get("facets").get("tags").get("kafka").asInt()).isEqualTo(1);
        assertThat(lag.get("facets").get("tags").get("postgres").asInt()).isEqualTo(1);
        assertThat(lag.get("facets").get("type").get("article").asInt()).isEqualTo(2);
        assertThat(lag.get("facets").get("updated").get("week").asInt()).isEqualTo(2);
        assertThat(lag.get("facets").get("authors").get("Carla Contributor").asInt())
                .isEqualTo(2);

        JsonNode narrowed = search("q=lag&tag=postgres");
        assertThat(slugs(narrowed)).containsExactly("postgres-replication");
        assertThat(narrowed.get("total").asInt()).isEqualTo(1);
        assertThat(narrowed.get("facets").get("tags").has("kafka")).isFalse();
        assertThat(search("q=lag&updated=older").get("total").asInt()).isZero();
        assertThat(search("q=lag&author=" + Http.enc("Carla Contributor"))
                        .get("total")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void misspelledWordsStillFindPagesAndGetADidYouMean() {
        JsonNode typo = search("q=" + Http.enc("replcation"));
        assertThat(typo.get("fuzzy").asBoolean()).isTrue();
        assertThat(slugs(typo)).containsExactly("postgres-replication");
        assertThat(typo.get("didYouMean").asText()).isEqualTo("replication");
        assertThat(search("q=replication").get("didYouMean").isNull()).isTrue();
        JsonNode partly = search("q=" + Http.enc("replcation lag")); // "lag" matches, the typo still gets help
        assertThat(partly.get("fuzzy").asBoolean()).isFalse();
        assertThat(partly.get("didYouMean").asText()).isEqualTo("replication lag");
    }

    @Test
    void namedPeopleAndSkillsComeAsCards() {
        JsonNode kafka = search("q=kafka");
        assertThat(kafka.get("skills").get(0).get("name").asText()).isEqualTo("Kafka");
        assertThat(kafka.get("skills").get(0).get("articles").asInt()).isEqualTo(2);
        JsonNode carla = search("q=carla");
        assertThat(carla.get("people").get(0).get("id").asText()).isEqualTo("carla.contrib");
    }

    @Test
    void sortsByRecentlyUpdatedOnRequest() {
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        http.put(
                "/api/articles/kafka-consumer-groups",
                Map.of("markdown", "Consumer lag grows. Updated.", "baseRevision", 1),
                carla);
        assertThat(slugs(search("q=kafka&sort=recent")).getFirst()).isEqualTo("kafka-consumer-groups");
        assertThat(http.get("/api/search?q=kafka&sort=sideways").status()).isEqualTo(400);
        assertThat(http.get("/api/search?q=kafka&updated=decade").status()).isEqualTo(400);
    }

    @Test
    void searchesAndClicksAreLoggedAndMissesListedForChampions() {
        JsonNode found = search("q=kafka");
        search("q=" + Http.enc("quantum teleportation"));
        search("q=" + Http.enc("Quantum teleportation"));
        String id = found.get("searchId").asText();
        lore.settle(); // searches are logged in the background
        assertThat(http.post(
                                "/api/search/" + id + "/clicks",
                                Map.of("position", 1, "slug", "kafka-consumer-groups"),
                                null)
                        .status())
                .isEqualTo(204);
        assertThat(http.post("/api/search/nope/clicks", Map.of("position", 1, "slug", "x"), null)
                        .status())
                .isEqualTo(404);
        assertThat(lore.lore().search().misses(1, 10)).hasSize(1);

        String admin = http.login("admin", TestLore.PASSWORD);
        String reader = http.login("rudi.reader", TestLore.PASSWORD);
        assertThat(http.get("/api/search/misses", reader).status()).isEqualTo(403);
        JsonNode misses = http.get("/api/search/misses", admin).json().get("misses");
        assertThat(misses).hasSize(1);
        assertThat(misses.get(0).get("times").asInt()).isEqualTo(2);
        assertThat(misses.get(0).get("query").asText()).isEqualToIgnoringCase("quantum teleportation");
    }

    @Test
    void theResultsPageShowsFacetsCardsAndLogsClicksThroughItsLinks() {
        String page = http.get("/search?q=" + Http.enc("kafka")).body();
        assertThat(page)
                .contains("class=\"facets\"")
                .contains("Tags")
                .contains("skill-card")
                .contains("/search/go?s=");
        String go = page.substring(page.indexOf("/search/go?s="), page.indexOf('"', page.indexOf("/search/go?s=")));
        lore.settle(); // the click is recorded against the logged search
        var redirect = http.get(go.replace("&amp;", "&"));
        assertThat(redirect.status()).isEqualTo(303);
        assertThat(redirect.header("Location").orElseThrow()).startsWith("/wiki/kafka-");
        assertThat(http.get("/search/go?to=https://evil.example").status()).isEqualTo(400);
        assertThat(http.get("/search?q=replcation").body())
                .contains("Did you mean")
                .contains("replication");
    }

    private List<String> suggestions(String typed) {
        var r = http.get("/api/suggest?q=" + Http.enc(typed));
        assertThat(r.status()).isEqualTo(200);
        return r.json().get("suggestions").findValuesAsText("title");
    }

    @Test
    void suggestsTitlesPeopleAndSkillsAsYouTypeDespiteASlip() {
        assertThat(suggestions("k")).isEmpty();
        assertThat(suggestions("ka")).contains("Kafka consumer groups", "Kafka producer retries", "Kafka");
        assertThat(suggestions("kafak cons")).contains("Kafka consumer groups"); // swapped letters
        assertThat(suggestions("kafka consmer")).contains("Kafka consumer groups"); // a missing letter
        assertThat(suggestions("postgers")).contains("Postgres replication");
        assertThat(suggestions("carl")).contains("Carla Contributor");
        assertThat(suggestions("\"((")).isEmpty();
        var kafka = http.get("/api/suggest?q=kafka").json().get("suggestions");
        assertThat(kafka.findValuesAsText("url"))
                .contains("/wiki/kafka-consumer-groups", "/search?q=skill%3A%22Kafka%22");
    }

    @Test
    void peopleAndSkillsAreSearchableByType() {
        assertThat(search("q=" + Http.enc("carla type:person"))
                        .get("hits")
                        .get(0)
                        .get("slug")
                        .asText())
                .isEqualTo("carla.contrib");
        assertThat(search("q=kafka&type=skill").get("hits").findValuesAsText("title"))
                .containsExactly("Kafka");
        assertThat(search("q=kafka").get("facets").get("type").get("skill").asInt())
                .isEqualTo(1);
    }
}
