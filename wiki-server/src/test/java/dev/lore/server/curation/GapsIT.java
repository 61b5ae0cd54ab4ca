package dev.lore.server.curation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Gaps: what people look for and do not find, each with the action that fixes it. */
@ExtendWith(TestLore.class)
class GapsIT {
    private TestLore.Running lore;
    private Http http;
    private String carla;
    private String rudi;
    private String admin;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        lore.lore()
                .people()
                .create(
                        "ana",
                        "Ana Silva",
                        "ana@example.test",
                        "Streaming",
                        "Engineer",
                        Role.CONTRIBUTOR,
                        Optional.of(TestLore.PASSWORD));
        carla = http.login("carla.contrib", TestLore.PASSWORD);
        rudi = http.login("rudi.reader", TestLore.PASSWORD);
        admin = http.login("admin", TestLore.PASSWORD);
    }

    private String ask(String title, List<String> skills, int daysAgo) {
        var r = http.post("/api/questions", Map.of("title", title, "markdown", "Anyone?", "skills", skills), rudi);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asText();
        lore.lore()
                .graph()
                .write(tx -> tx.run(
                                "MATCH (q:Question {id: $id}) SET q.askedAt = q.askedAt - duration({days: $days})",
                                Map.of("id", id, "days", daysAgo))
                        .consume());
        return id;
    }

    private JsonNode gaps() {
        lore.settle(); // searches are logged in the background
        var r = http.get("/api/curation/gaps?days=30&unansweredDays=7", admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void listsFailedSearchesOldUnansweredQuestionsAndWantedSkillsWithoutExperts() {
        http.get("/api/search?q=" + Http.enc("blorptastic onboarding"));
        http.get("/api/search?q=" + Http.enc("blorptastic onboarding"));
        String old = ask("How do I get a quuxbar licence?", List.of(), 10);
        String answeredOld = ask("Where is the VPN guide?", List.of(), 12);
        http.post("/api/questions/" + answeredOld + "/answers", Map.of("markdown", "On the wiki."), carla);
        String recent = ask("Who owns the build farm?", List.of(), 1);
        var wants =
                http.put("/api/people/rudi.reader/wants-to-learn", Map.of("skills", List.of("Haskell", "Kafka")), rudi);
        assertThat(wants.status()).as(wants.body()).isEqualTo(200);
        var declared = http.put(
                "/api/people/ana/skills", Map.of("skills", List.of(Map.of("name", "Kafka", "level", "expert"))), admin);
        assertThat(declared.status()).as(declared.body()).isEqualTo(200);

        JsonNode gaps = gaps();

        JsonNode search = gaps.get("searchesWithoutResults").get(0);
        assertThat(search.get("query").asText()).isEqualTo("blorptastic onboarding");
        assertThat(search.get("times").asInt()).isEqualTo(2);
        assertThat(search.get("action").asText()).startsWith("/new?title=blorptastic");
        assertThat(gaps.get("unansweredQuestions").findValuesAsText("id"))
                .containsExactly(old)
                .doesNotContain(answeredOld, recent);
        JsonNode question = gaps.get("unansweredQuestions").get(0);
        assertThat(question.get("action").asText()).isEqualTo("/questions/" + old);
        assertThat(question.get("days").asInt()).isEqualTo(10);
        assertThat(gaps.get("skillsWithoutExperts").findValuesAsText("skill")).containsExactly("Haskell");
        JsonNode skill = gaps.get("skillsWithoutExperts").get(0);
        assertThat(skill.get("demand").get("wantsToLearn").asInt()).isEqualTo(1);
        assertThat(skill.get("action").asText()).isEqualTo("/skills/Haskell");
    }

    @Test
    void aSkillAskedAboutAndSearchedForCountsAsDemand() {
        ask("How do I start with Terraform?", List.of("Terraform"), 0);
        http.get("/api/search?q=terraform");

        JsonNode skill = gaps().get("skillsWithoutExperts").get(0);

        assertThat(skill.get("skill").asText()).isEqualTo("Terraform");
        assertThat(skill.get("demand").get("questions").asInt()).isEqualTo(1);
        assertThat(skill.get("demand").get("searches").asInt()).isEqualTo(1);
    }

    @Test
    void onlyChampionsSeeGapsAndThePageLinksEachAction() {
        http.get("/api/search?q=" + Http.enc("blorptastic"));
        assertThat(http.get("/api/curation/gaps", carla).status()).isEqualTo(403);
        assertThat(http.get("/curation/gaps", rudi).status()).isEqualTo(403);

        lore.settle();
        var page = http.get("/curation/gaps", admin);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Searches that found nothing").contains("/new?title=blorptastic");
    }
}
