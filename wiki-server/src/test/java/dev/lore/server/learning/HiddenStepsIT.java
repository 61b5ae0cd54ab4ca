package dev.lore.server.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An article or question a moderator hid keeps its place in learning paths, but only champions see
 * its title and where it leads; featured collections leave it out.
 */
@ExtendWith(TestLore.class)
class HiddenStepsIT {
    private static final String HIDDEN_TITLE = "Quarterly layoffs draft";
    private static final String HIDDEN_QUESTION = "Whose salary is highest?";

    private Http http;
    private String champion;
    private String rudi;
    private String pathId;
    private String collectionId;
    private String questionId;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.http = http;
        champion = lore.person("cora.champion", "Cora Champion", "Enablement", Role.CHAMPION);
        rudi = http.login("rudi.reader", TestLore.PASSWORD);
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        for (String title : List.of("Laptop setup", HIDDEN_TITLE)) {
            var r = http.post("/api/articles", Map.of("title", title, "markdown", "Text of " + title + "."), carla);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        questionId = ok(http.post("/api/questions", Map.of("title", HIDDEN_QUESTION), carla), 201)
                .get("id")
                .asText();
        pathId = ok(
                        http.post(
                                "/api/paths",
                                Map.of(
                                        "title",
                                        "First week",
                                        "level",
                                        "newcomer",
                                        "steps",
                                        List.of(
                                                Map.of("kind", "article", "ref", "laptop-setup"),
                                                Map.of("kind", "article", "ref", "quarterly-layoffs-draft"),
                                                Map.of("kind", "question", "ref", questionId))),
                                champion),
                        201)
                .get("id")
                .asText();
        collectionId = ok(
                        http.post(
                                "/api/collections",
                                Map.of(
                                        "title",
                                        "Start here",
                                        "onHome",
                                        true,
                                        "articles",
                                        List.of("laptop-setup", "quarterly-layoffs-draft")),
                                champion),
                        201)
                .get("id")
                .asText();
        hide("article", "quarterly-layoffs-draft");
        hide("question", questionId);
    }

    private void hide(String kind, String target) {
        var r = http.post("/api/moderation/" + kind + "/" + target + "/hide", Map.of("reason", "spam"), champion);
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    private static JsonNode ok(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    private void assertNothingOfTheHiddenIn(String body) {
        assertThat(body)
                .doesNotContain(HIDDEN_TITLE)
                .doesNotContain("quarterly-layoffs-draft")
                .doesNotContain(HIDDEN_QUESTION)
                .doesNotContain(questionId);
    }

    @Test
    void anonymousReadersAndNonChampionsSeeAHiddenStepWithoutItsTitleOrLink() {
        for (String token : new String[] {null, rudi}) {
            var r = http.get("/api/paths/" + pathId, token);
            JsonNode steps = ok(r, 200).get("steps");

            assertNothingOfTheHiddenIn(r.body());
            assertThat(steps).hasSize(3);
            assertThat(steps.get(0).get("title").asText()).isEqualTo("Laptop setup");
            for (JsonNode hidden : List.of(steps.get(1), steps.get(2))) {
                assertThat(hidden.get("hidden").asBoolean()).isTrue();
                assertThat(hidden.get("available").asBoolean()).isFalse();
                assertThat(hidden.get("title").isNull()).isTrue();
                assertThat(hidden.get("ref").isNull()).isTrue();
                assertThat(hidden.get("url").isNull()).isTrue();
            }
        }

        String anonymousPage = http.get("/paths/" + pathId).body();
        String readerPage =
                http.getWithCookies("/paths/" + pathId, "lore_session=" + rudi).body();
        for (String page : List.of(anonymousPage, readerPage)) {
            assertNothingOfTheHiddenIn(page);
            assertThat(page).contains("Laptop setup").contains("Hidden article").contains("Hidden question");
        }
    }

    @Test
    void championsStillSeeWhatAHiddenStepPointsAt() {
        JsonNode steps = ok(http.get("/api/paths/" + pathId, champion), 200).get("steps");

        assertThat(steps.get(1).get("title").asText()).isEqualTo(HIDDEN_TITLE);
        assertThat(steps.get(1).get("hidden").asBoolean()).isTrue();
        assertThat(steps.get(2).get("title").asText()).isEqualTo(HIDDEN_QUESTION);
        assertThat(steps.get(2).get("url").asText()).isEqualTo("/questions/" + questionId);
        assertThat(http.getWithCookies("/paths/" + pathId, "lore_session=" + champion)
                        .body())
                .contains(HIDDEN_TITLE)
                .contains("hidden by a moderator");
    }

    @Test
    void featuredCollectionsLeaveAHiddenArticleOut() {
        for (String token : new String[] {null, rudi}) {
            var one = http.get("/api/collections/" + collectionId, token);
            assertNothingOfTheHiddenIn(one.body());
            assertThat(ok(one, 200).get("articles")).hasSize(1);
            assertNothingOfTheHiddenIn(
                    http.get("/api/collections?home=true", token).body());
        }
        assertNothingOfTheHiddenIn(http.get("/collections").body());
        assertNothingOfTheHiddenIn(
                http.getWithCookies("/", "lore_session=" + rudi).body());
    }
}
