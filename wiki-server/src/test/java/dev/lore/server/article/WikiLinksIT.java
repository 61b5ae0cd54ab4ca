package dev.lore.server.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Wiki links as pages are renamed, edited and deleted: what a link resolves to, and backlinks. */
@ExtendWith(TestLore.class)
class WikiLinksIT {
    private Http http;
    private String carla;

    @BeforeEach
    void signIn(Http http) {
        this.http = http;
        this.carla = http.login("carla.contrib", TestLore.PASSWORD);
    }

    private void create(String title, String markdown) {
        var r = http.post("/api/articles", Map.of("title", title, "markdown", markdown), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private void save(String slug, int baseRevision, Map<String, Object> changes) {
        var body = new java.util.HashMap<String, Object>(changes);
        body.put("baseRevision", baseRevision);
        var r = http.put("/api/articles/" + slug, body, carla);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private JsonNode read(String slug) {
        return http.get("/api/articles/" + slug).json();
    }

    private List<String> backlinks(String slug) {
        var out = new java.util.ArrayList<String>();
        read(slug).get("backlinks").forEach(b -> out.add(b.get("slug").asText()));
        return out;
    }

    @Test
    void aLinkFollowsItsTargetThroughARenameByTheOldSlug() {
        create("Kafka basics", "Topics.");
        create("Runbook", "See [[kafka-basics]].");

        save("kafka-basics", 1, Map.of("title", "Kafka intro", "markdown", "Topics."));

        assertThat(read("runbook").get("html").asText()).contains("href=\"/wiki/kafka-intro\"");
        assertThat(backlinks("kafka-intro")).containsExactly("runbook");
    }

    @Test
    void aPageRenamedToTheTitleALinkNamesGainsTheLinkingPageAsBacklink() {
        create("Runbook", "See [[Old guide]] and [[Old guide|the guide]].");
        create("Guide", "Steps.");
        assertThat(backlinks("guide")).isEmpty();

        save("guide", 1, Map.of("title", "Old guide", "markdown", "Steps."));

        assertThat(backlinks("old-guide")).containsExactly("runbook");
        assertThat(read("runbook").get("html").asText()).contains("href=\"/wiki/old-guide\"");
    }

    @Test
    void anEditThatDropsALinkDropsTheBacklinkAndOneThatAddsItBringsItBack() {
        create("Kafka basics", "Topics.");
        create("Alerts", "Pager.");
        create("Runbook", "See [[Kafka basics]] and [[Alerts]].");
        assertThat(backlinks("kafka-basics")).containsExactly("runbook");

        save("runbook", 1, Map.of("markdown", "See [[Alerts]]."));
        assertThat(backlinks("kafka-basics")).isEmpty();
        assertThat(backlinks("alerts")).containsExactly("runbook");

        save("runbook", 2, Map.of("markdown", "See [[Kafka basics]], [[kafka-basics]] and [[Runbook]]."));
        assertThat(backlinks("kafka-basics")).containsExactly("runbook");
        assertThat(backlinks("alerts")).isEmpty();
        assertThat(backlinks("runbook")).isEmpty(); // a page's link to itself is no backlink
    }

    @Test
    void aDeletedPageIsNoLinkTargetAndItsLinksAreNoBacklinks() {
        create("Kafka basics", "Topics.");
        create("Runbook", "See [[Kafka basics]].");
        create("Old notes", "See [[Kafka basics]].");
        assertThat(backlinks("kafka-basics")).containsExactly("old-notes", "runbook");

        assertThat(http.delete("/api/articles/old-notes", carla).status()).isEqualTo(204);
        assertThat(backlinks("kafka-basics")).containsExactly("runbook");

        assertThat(http.delete("/api/articles/kafka-basics", carla).status()).isEqualTo(204);
        assertThat(read("runbook").get("html").asText())
                .doesNotContain("href=\"/wiki/kafka-basics\"")
                .contains("class=\"wiki-missing\"");
    }
}
