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

/**
 * Hybrid search end to end, with the real embedding model: a second server on the test graph with
 * {@code LORE_SEMANTIC} on (the shared test server runs without a model, as lexical Lore).
 */
@ExtendWith(TestLore.class)
class SemanticSearchIT {
    private TestLore.Running lexical;
    private TestLore.Running semantic;
    private Http http;
    private String carla;

    @BeforeEach
    void setUp(TestLore.Running lore) {
        lexical = lore;
        semantic = lore.another("semantic", c -> c.withSemantic(true));
        semantic.lore().sync().rebuild(); // the graph was wiped under this server's index
        http = semantic.http();
        carla = http.login("carla.contrib", TestLore.PASSWORD);
        write(
                "Break-glass credentials",
                "When an incident needs someone on the production cluster outside working hours, the on-call"
                        + " engineer opens the sealed emergency account. The vault logs every use.\n\n"
                        + "## Afterwards\n\nThe password is rotated the next morning.",
                "ops");
        write(
                "Rebalance storms",
                "Consumers that take longer than the poll interval are kicked out of the group; every member then"
                        + " stops while partitions are reassigned, and throughput collapses.",
                "kafka");
        write(
                "Lunch options near the office",
                "The canteen on the ground floor serves soup and salads; the ramen place across the street is"
                        + " quicker on Fridays.",
                "office");
        settle();
    }

    private String write(String title, String markdown, String tag) {
        var r = http.post("/api/articles", Map.of("title", title, "markdown", markdown, "tags", List.of(tag)), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("slug").asText();
    }

    private void settle() {
        lexical.settle();
        semantic.lore().sync().catchUp();
        semantic.lore().index().awaitEmbeddings();
    }

    private static JsonNode search(Http on, String q) {
        var r = on.get("/api/search?q=" + Http.enc(q));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> slugs(Http on, String q) {
        return search(on, q).get("hits").findValuesAsText("slug");
    }

    @Test
    void findsThePageANewHireMeansWithoutItsWords() {
        assertThat(slugs(http, "how do I get access to prod at night")).first().isEqualTo("break-glass-credentials");
        assertThat(slugs(http, "why is my consumer slow")).first().isEqualTo("rebalance-storms");
    }

    @Test
    void withoutTheModelSearchIsLexicalAsBefore() {
        lexical.lore().sync().catchUp();

        assertThat(lexical.lore().index().semantic()).isFalse();
        assertThat(slugs(lexical.http(), "how do I get access to prod at night"))
                .isEmpty();
        assertThat(slugs(lexical.http(), "sealed emergency account")).first().isEqualTo("break-glass-credentials");
    }

    @Test
    void anExcludedWordKeepsOutWhatMeaningWouldBringIn() {
        assertThat(slugs(http, "emergency access to production")).contains("break-glass-credentials");
        assertThat(slugs(http, "emergency access to production -vault")).doesNotContain("break-glass-credentials");
    }

    @Test
    void aQuotedPhraseMustBeInEveryHit() {
        JsonNode result = search(http, "emergency access \"ramen place\"");

        assertThat(result.get("hits").findValuesAsText("slug")).containsExactly("lunch-options-near-the-office");
        assertThat(result.get("total").asInt()).isEqualTo(1);
    }

    @Test
    void filtersAndFacetsHoldForHitsFoundByMeaning() {
        JsonNode result = search(http, "emergency access to production tag:kafka");

        assertThat(result.get("hits").findValuesAsText("slug")).containsOnly("rebalance-storms");
        JsonNode all = search(http, "why is my consumer slow");
        int tagged = 0;
        for (JsonNode count : all.get("facets").get("tags")) {
            tagged += count.asInt();
        }
        assertThat(tagged).isEqualTo(all.get("total").asInt());
    }

    @Test
    void aHiddenPageIsNotFoundByMeaningEvenBeforeItsVectorsAreRemoved() {
        String admin = http.login("admin", TestLore.PASSWORD);
        var hidden =
                http.post("/api/moderation/article/break-glass-credentials/hide", Map.of("reason", "outdated"), admin);
        assertThat(hidden.status()).as(hidden.body()).isIn(200, 204);
        semantic.lore().sync().catchUp(); // the lexical delete; its passages may still be queued

        assertThat(slugs(http, "how do I get access to prod at night")).doesNotContain("break-glass-credentials");
    }

    @Test
    void aHitFoundByMeaningAloneShowsThePassageThatMatched() {
        JsonNode hit = search(http, "who changes the secret the following day")
                .get("hits")
                .get(0);

        assertThat(hit.get("slug").asText()).isEqualTo("break-glass-credentials");
        assertThat(hit.get("snippet").asText()).contains("rotated");
    }

    @Test
    void anArticleShowsThePagesClosestInMeaning() {
        write("Being on call", "The on-call engineer may need to reach production at night during an incident.", "ops");
        settle();

        var api = http.get("/api/articles/being-on-call/related");
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(api.json().get("related").findValuesAsText("slug")).first().isEqualTo("break-glass-credentials");
        assertThat(http.get("/wiki/being-on-call").body()).contains("Related pages", "/wiki/break-glass-credentials");
        assertThat(lexical.http().get("/wiki/being-on-call").body()).doesNotContain("Related pages");
    }

    @Test
    void theAskPageOffersQuestionsAndPagesSimilarInMeaning() {
        var r = http.get("/api/questions/similar?title=" + Http.enc("Where can I grab food at noon?"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("similar").findValuesAsText("key")).first().isEqualTo("lunch-options-near-the-office");

        var unrelated = http.get("/api/questions/similar?title=" + Http.enc("Quantum chromodynamics lattice gauge"));
        assertThat(unrelated.status()).as(unrelated.body()).isEqualTo(200);
        assertThat(unrelated.json().get("similar")).isEmpty();
    }

    @Test
    void relatedPagesOfAMissingPageAreA404() {
        assertThat(http.get("/api/articles/no-such-page/related").status()).isEqualTo(404);
    }
}
