package dev.lore.server.moderation;

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
 * The edges of hidden content: nobody can add to, vote on, accept or promote what a moderator hid
 * (a 404, as if it did not exist), a second flag from the form gets a kind note, and champions
 * see and restore hidden questions and answers from the review page.
 */
@ExtendWith(TestLore.class)
class HiddenContentIT {
    private Http http;
    private String asker;
    private String carla;
    private String rudi;
    private String champ;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.http = http;
        asker = lore.person("asa.asker", "Asa Asker", "Web", Role.READER);
        champ = lore.person("chris.champion", "Chris Champion", "Enablement", Role.CHAMPION);
        carla = http.login("carla.contrib", TestLore.PASSWORD);
        rudi = http.login("rudi.reader", TestLore.PASSWORD);
    }

    private String ask(String title) {
        var q = http.post(
                "/api/questions", Map.of("title", title, "markdown", "Asking for a team.", "skills", List.of()), asker);
        assertThat(q.status()).as(q.body()).isEqualTo(201);
        return q.json().get("id").asText();
    }

    private String answer(String questionId, String markdown) {
        var a = http.post("/api/questions/" + questionId + "/answers", Map.of("markdown", markdown), carla);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asText();
    }

    private void hide(String kind, String target) {
        var r = http.post("/api/moderation/" + kind + "/" + target + "/hide", Map.of("reason", "spam"), champ);
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    private int comment(String kind, String target) {
        return http.post("/api/comments", Map.of("targetKind", kind, "targetId", target, "markdown", "Me too."), rudi)
                .status();
    }

    @Test
    void aHiddenQuestionCannotBeAnsweredOrCommentedOnAsIfItDidNotExist() {
        String id = ask("Where is the snarfle runbook?");
        String answer = answer(id, "In the ops repository.");
        hide("question", id);

        var answered = http.post("/api/questions/" + id + "/answers", Map.of("markdown", "Try the wiki."), carla);
        assertThat(answered.status()).as(answered.body()).isEqualTo(404);
        assertThat(answered.json().get("detail").asText()).isEqualTo("no question '" + id + "'");
        assertThat(comment("question", id)).isEqualTo(404);
        assertThat(comment("answer", answer)).isEqualTo(404);
        assertThat(http.post("/api/answers/" + answer + "/votes", Map.of(), rudi)
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/api/answers/" + answer + "/accept", Map.of(), asker)
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/api/kudos", Map.of("kind", "answer", "target", answer), rudi)
                        .status())
                .isEqualTo(404);

        // nothing was added behind the curtain: restored, the question has its one answer and no comments
        http.post("/api/moderation/question/" + id + "/restore", Map.of("reason", "a real question"), champ);
        JsonNode q = http.get("/api/questions/" + id).json();
        assertThat(q.get("answers")).hasSize(1);
        assertThat(q.get("comments")).isEmpty();
        assertThat(q.get("answers").get(0).get("comments")).isEmpty();
    }

    @Test
    void aHiddenAnswerCannotBeVotedAcceptedPromotedOrCommentedOn() {
        String id = ask("How do I get a snarfle licence?");
        String answer = answer(id, "Buy snarfle licences from this site!");
        String other = answer(id, "Ask IT for one.");
        hide("answer", answer);

        assertThat(http.post("/api/answers/" + answer + "/votes", Map.of(), rudi)
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/api/answers/" + answer + "/accept", Map.of(), asker)
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/api/answers/" + answer + "/promote", Map.of(), champ)
                        .status())
                .isEqualTo(404);
        assertThat(comment("answer", answer)).isEqualTo(404);
        assertThat(http.post("/api/kudos", Map.of("kind", "answer", "target", answer), rudi)
                        .status())
                .isEqualTo(404);
        JsonNode q = http.get("/api/questions/" + id).json();
        assertThat(q.get("acceptedAnswer").isNull()).isTrue();

        // the visible answer next to it still works
        assertThat(http.post("/api/answers/" + other + "/votes", Map.of(), rudi).status())
                .isEqualTo(200);
        assertThat(http.post("/api/answers/" + other + "/accept", Map.of(), asker)
                        .status())
                .isEqualTo(200);
        assertThat(comment("question", id)).isEqualTo(201);
    }

    @Test
    void aSecondFlagFromTheFormShowsAFriendlyNoteNotAnErrorPage() {
        var a = http.post("/api/articles", Map.of("title", "Cheap watches", "markdown", "Buy watches."), carla);
        String slug = a.json().get("slug").asText();
        String cookies = http.browserSession("rudi.reader", TestLore.PASSWORD);
        var form = Map.of(
                "_csrf",
                Http.csrfOf(cookies),
                "targetKind",
                "article",
                "target",
                slug,
                "reason",
                "spam",
                "back",
                "/wiki/" + slug);

        var first = http.form("/moderation/flag", form, cookies);
        assertThat(first.status()).isEqualTo(303);
        // back on the page, with the confirmation at its top
        assertThat(first.header("Location")).hasValue("/wiki/" + slug + "?done=flag#notice");

        var second = http.form("/moderation/flag", form, cookies);
        assertThat(second.status()).isEqualTo(303);
        String note = second.header("Location").orElseThrow();
        assertThat(note).startsWith("/moderation/already-flagged?back=");
        var page = http.getWithCookies(note, cookies);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("You already flagged this")
                .contains("href=\"/wiki/" + slug + "\"")
                .doesNotContain("Error 409");
        assertThat(http.get("/api/moderation/queue", champ)
                        .json()
                        .get("queue")
                        .get(0)
                        .get("count")
                        .asInt())
                .isEqualTo(1);
        // an outside address is not followed
        assertThat(http.getWithCookies("/moderation/already-flagged?back=//evil.example", cookies)
                        .body())
                .contains("href=\"/\"");
    }

    @Test
    void championsSeeHiddenQuestionsAndAnswersOnTheReviewPageAndRestoreThem() {
        String hiddenQuestion = ask("Free snarfle giveaway?");
        String id = ask("Which snarfle version do we run?");
        String hiddenAnswer = answer(id, "Click here for free snarfles.");
        hide("question", hiddenQuestion);
        hide("answer", hiddenAnswer);

        JsonNode hidden = http.get("/api/moderation/hidden", champ).json().get("hidden");
        assertThat(hidden.findValuesAsText("target")).containsExactlyInAnyOrder(hiddenQuestion, hiddenAnswer);
        assertThat(hidden.findValuesAsText("excerpt")).contains("Click here for free snarfles.");
        assertThat(http.get("/api/moderation/hidden", rudi).status()).isEqualTo(403);

        String cookies = http.browserSession("chris.champion", TestLore.PASSWORD);
        String review = http.getWithCookies("/moderation", cookies).body();
        assertThat(review)
                .contains("Hidden (2)")
                .contains("Free snarfle giveaway?")
                .contains("Answer to: Which snarfle version do we run?")
                .contains("Click here for free snarfles.")
                .contains("action=\"/moderation/question/" + hiddenQuestion + "/restore\"")
                .contains("action=\"/moderation/answer/" + hiddenAnswer + "/restore\"");

        var restored = http.form(
                "/moderation/answer/" + hiddenAnswer + "/restore",
                Map.of("_csrf", Http.csrfOf(cookies), "reason", "not spam after all"),
                cookies);
        assertThat(restored.status()).isEqualTo(303);
        JsonNode answers = http.get("/api/questions/" + id).json().get("answers");
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).get("id").asText()).isEqualTo(hiddenAnswer);
        http.form(
                "/moderation/question/" + hiddenQuestion + "/restore",
                Map.of("_csrf", Http.csrfOf(cookies), "reason", "a fair question"),
                cookies);
        assertThat(http.get("/api/questions/" + hiddenQuestion).status()).isEqualTo(200);
        assertThat(http.getWithCookies("/moderation", cookies).body())
                .contains("Hidden (0)")
                .contains("Nothing is hidden.");
    }
}
