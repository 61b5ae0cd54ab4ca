package dev.lore.server.taught;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import dev.lore.server.support.TestPeople;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What "this taught me something" feeds: expertise evidence, top helpers and the impact dashboard. */
@ExtendWith(TestLore.class)
class TeachingFeedsIT {
    private Http http;
    private TestLore.Running lore;
    private TestPeople people;

    @BeforeEach
    void people(TestLore.Running lore, Http http) {
        this.http = http;
        this.lore = lore;
        people = new TestPeople(lore, http)
                .add("ana", "Ana Silva", "Streaming", Role.CONTRIBUTOR)
                .add("ben", "Ben Okafor", "Platform", Role.CONTRIBUTOR)
                .add("cleo", "Cleo Park", "Data", Role.CONTRIBUTOR)
                .add("chief", "Chief Champion", "Enablement", Role.CHAMPION);
    }

    private String article(String who, String title, String markdown) {
        return people.article(who, title, markdown, List.of("Kafka"));
    }

    private void mark(String slug, String who, String note) {
        var r = http.post("/api/articles/" + slug + "/taught", Map.of("note", note), people.token(who));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private JsonNode expert(String topic, String id) {
        for (JsonNode e :
                http.get("/api/experts?topic=" + Http.enc(topic)).json().get("experts")) {
            if (e.get("person").get("id").asText().equals(id)) {
                return e;
            }
        }
        throw new AssertionError(id + " is not among the experts on " + topic);
    }

    @Test
    void whatOthersLearnedFromAPageIsTeachingEvidenceForItsAuthor() {
        String slug = article(
                "ana",
                "Kafka consumer retries",
                "Retry with exponential backoff.\nAdd jitter so consumers spread out.");
        double before = expert("kafka consumer retries", "ana").get("score").asDouble();
        mark(slug, "ben", "jitter spreads retries");
        mark(slug, "cleo", "backoff caps");

        JsonNode ana = expert("kafka consumer retries", "ana");
        assertThat(ana.get("score").asDouble()).isGreaterThan(before);
        JsonNode teaching = null;
        for (JsonNode e : ana.get("evidence")) {
            if (e.get("kind").asText().equals("teaching")) {
                teaching = e;
            }
        }
        assertThat(teaching).as(ana.toString()).isNotNull();
        assertThat(teaching.get("slug").asText()).isEqualTo(slug);
        assertThat(teaching.get("count").asInt()).isEqualTo(2);
        assertThat(ana.get("explanation").asText()).contains("2 people learned from 'Kafka consumer retries'");
    }

    private List<String> found(String q) {
        lore.settle();
        var r = http.get("/api/search?q=" + Http.enc(q));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("hits").findValuesAsText("slug");
    }

    @Test
    void aPageThatTaughtPeopleRanksAboveAnEqualMatchInSearch() {
        article("ana", "Consumer lag runbook A", "Check the consumer lag dashboard first.");
        article("ana", "Consumer lag runbook B", "Check the consumer lag dashboard first.");
        List<String> tie = found("consumer lag dashboard"); // equal matches, in the tie-break's order
        assertThat(tie).hasSize(2);

        mark(tie.get(1), "ben", "where the dashboard is");
        mark(tie.get(1), "cleo", "");

        assertThat(found("consumer lag dashboard")).containsExactly(tie.get(1), tie.get(0));
    }

    @Test
    void topHelpersAndTheDashboardCountWhatPagesTaughtThisMonth() {
        String retries = article("ana", "Kafka consumer retries", "Retry with backoff.\nAdd jitter.");
        String offsets = article("ben", "Kafka offsets", "Commit after processing.\nNot before.");
        mark(retries, "ben", "jitter spreads retries");
        mark(retries, "cleo", "backoff caps");
        mark(offsets, "cleo", "commit after processing");

        JsonNode helpers = http.get("/api/impact/top-helpers", people.token("chief"))
                .json()
                .get("helpers");
        assertThat(helpers.get(0).get("person").get("id").asText()).isEqualTo("ana");
        assertThat(helpers.get(0).get("learners").asInt()).isEqualTo(2);
        assertThat(helpers.get(0).get("why").asText()).contains("2 people learned from their articles");

        var taught = http.get("/api/impact/taught-pages", people.token("chief"));
        assertThat(taught.status()).as(taught.body()).isEqualTo(200);
        JsonNode pages = taught.json().get("pages");
        assertThat(pages.get(0).get("slug").asText()).isEqualTo(retries);
        assertThat(pages.get(0).get("marks").asInt()).isEqualTo(2);
        assertThat(pages.get(0).get("notes"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("jitter spreads retries", "backoff caps");
        assertThat(pages.get(1).get("slug").asText()).isEqualTo(offsets);
        assertThat(http.get("/api/impact/taught-pages", people.token("ana")).status())
                .isEqualTo(403);

        String cookies = http.browserSession("chief", TestLore.PASSWORD);
        String page = http.getWithCookies("/impact", cookies).body();
        assertThat(page)
                .contains("Pages that taught most")
                .contains("Kafka consumer retries")
                .contains("backoff caps");
    }
}
