package dev.lore.server.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A page's rendered body is kept between views; every view must still show what the graph says
 * now: the page's new text after an edit, links to pages created or hidden since, mentions of people
 * added since, and no body at all for a page hidden since.
 */
@ExtendWith(TestLore.class)
class RenderedBodiesIT {
    private TestLore.Running lore;
    private Http http;
    private String carla;
    private String rudi;
    private String champ;

    @BeforeEach
    void signIn(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        this.carla = http.login("carla.contrib", TestLore.PASSWORD);
        this.rudi = http.login("rudi.reader", TestLore.PASSWORD);
        this.champ = lore.person("chris.champion", "Chris Champion", "Enablement", Role.CHAMPION);
    }

    private void create(String title, String markdown) {
        var r = http.post("/api/articles", Map.of("title", title, "markdown", markdown), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private String view(String slug) {
        var r = http.get("/wiki/" + slug, rudi);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private void hide(String slug) {
        var r = http.post("/api/moderation/article/" + slug + "/hide", Map.of("reason", "spam"), champ);
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    @Test
    void anEditShowsItsNewTextOnTheNextView() {
        create("Runbook", "Restart the first broker.");
        assertThat(view("runbook")).contains("Restart the first broker.");

        var r = http.put(
                "/api/articles/runbook", Map.of("baseRevision", 1, "markdown", "Restart the second broker."), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(200);

        assertThat(view("runbook")).contains("Restart the second broker.").doesNotContain("Restart the first broker.");
    }

    @Test
    void aLinkToAPageCreatedAfterAViewResolvesOnTheNextView() {
        create("Runbook", "See [[Kafka basics]].");
        assertThat(view("runbook")).contains("wiki-missing").doesNotContain("href=\"/wiki/kafka-basics\"");

        create("Kafka basics", "Topics.");

        assertThat(view("runbook")).contains("href=\"/wiki/kafka-basics\"").doesNotContain("wiki-missing");
        assertThat(http.get("/api/articles/runbook").json().get("html").asText())
                .contains("href=\"/wiki/kafka-basics\"");
    }

    @Test
    void aLinkToAPageHiddenAfterAViewNoLongerLeadsToIt() {
        create("Kafka basics", "Topics.");
        create("Runbook", "See [[Kafka basics]].");
        assertThat(view("runbook")).contains("href=\"/wiki/kafka-basics\"");

        hide("kafka-basics");

        assertThat(view("runbook"))
                .doesNotContain("href=\"/wiki/kafka-basics\"")
                .contains("wiki-missing");
        assertThat(http.get("/wiki/kafka-basics", rudi).status()).isEqualTo(404);
    }

    @Test
    void aPageHiddenAfterAViewIsNotServedToReadersButChampionsStillSeeIt() {
        create("Kafka basics", "Secret topics.");
        assertThat(view("kafka-basics")).contains("Secret topics.");

        hide("kafka-basics");

        var reader = http.get("/wiki/kafka-basics", rudi);
        assertThat(reader.status()).isEqualTo(404);
        assertThat(reader.body()).doesNotContain("Secret topics.");
        assertThat(http.get("/api/articles/kafka-basics").status()).isEqualTo(404);
        var champion = http.get("/wiki/kafka-basics", champ);
        assertThat(champion.status()).isEqualTo(200);
        assertThat(champion.body()).contains("Secret topics.");
    }

    @Test
    void aMentionOfAPersonAddedAfterAViewBecomesALinkToTheirProfile() {
        create("Runbook", "Ask @nina.new about brokers.");
        assertThat(view("runbook")).doesNotContain("href=\"/people/nina.new\"");

        lore.person("nina.new", "Nina New", "Platform", Role.READER);

        assertThat(view("runbook")).contains("href=\"/people/nina.new\"");
    }

    @Test
    void aPageReachedThroughAnOldSlugStillRedirectsAfterItsBodyWasKept() {
        create("Kafka basics", "Topics.");
        assertThat(view("kafka-basics")).contains("Topics.");
        var r = http.put(
                "/api/articles/kafka-basics",
                Map.of("baseRevision", 1, "title", "Kafka intro", "markdown", "Topics."),
                carla);
        assertThat(r.status()).as(r.body()).isEqualTo(200);

        var old = http.get("/wiki/kafka-basics", rudi);

        assertThat(old.status()).isEqualTo(301);
        assertThat(old.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/wiki/kafka-intro"));
    }
}
