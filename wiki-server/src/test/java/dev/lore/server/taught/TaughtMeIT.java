package dev.lore.server.taught;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import dev.lore.server.support.TestPeople;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestLore.class)
class TaughtMeIT {
    private Http http;
    private TestLore.Running lore;
    private TestPeople people;

    @BeforeEach
    void people(TestLore.Running running, Http http) {
        this.lore = running;
        this.http = http;
        people = new TestPeople(running, http);
        for (String id : List.of("ana", "ben", "cleo")) {
            people.add(id, id.toUpperCase(java.util.Locale.ROOT) + " Person", "Platform", Role.CONTRIBUTOR);
        }
    }

    private String article(String who, String title) {
        return people.article(who, title, "# " + title + "\n\nRetry with jitter.\n", List.of("Kafka"));
    }

    private String answer(String asker, String answerer) {
        String question = people.ask(asker, "How do consumer groups rebalance?", "Asking.", List.of("Kafka"))
                .get("id")
                .asText();
        return people.answer(answerer, question, "Cooperative rebalancing moves one partition at a time.");
    }

    private Http.Response mark(String path, String who, String note) {
        return http.post(path, note == null ? Map.of() : Map.of("note", note), people.token(who));
    }

    private static List<String> field(JsonNode array, String name) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.get(name).asText()));
        return out;
    }

    @Test
    void marksAPageOncePerPersonWithANoteAndTakesItBack() {
        String slug = article("ana", "Kafka retries");
        String path = "/api/articles/" + slug + "/taught";

        var first = mark(path, "ben", "  why the retry\nneeds a jitter  ");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("count").asInt()).isEqualTo(1);
        assertThat(first.json().get("marked").asBoolean()).isTrue();
        assertThat(first.json().get("notes").get(0).get("note").asText()).isEqualTo("why the retry needs a jitter");

        var again = mark(path, "ben", "another");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).isNotBlank();

        assertThat(mark(path, "cleo", null).status()).isEqualTo(201);
        JsonNode seen = http.get(path).json();
        assertThat(seen.get("count").asInt()).isEqualTo(2);
        assertThat(field(seen.get("notes"), "note")).containsExactlyInAnyOrder("why the retry needs a jitter", "null");

        var revoked = http.delete(path, people.token("ben"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("count").asInt()).isEqualTo(1);
        assertThat(revoked.json().get("marked").asBoolean()).isFalse();
        assertThat(revoked.json().get("canMark").asBoolean()).isTrue();
        // taking back what is not there changes nothing and is no error
        assertThat(http.delete(path, people.token("ben")).json().get("count").asInt())
                .isEqualTo(1);
        assertThat(mark(path, "ben", "second thoughts").status()).isEqualTo(201);
    }

    @Test
    void refusesOwnContentLongNotesStrangersAndMissingPages() {
        String slug = article("ana", "Kafka retries");
        String path = "/api/articles/" + slug + "/taught";

        var own = mark(path, "ana", null);
        assertThat(own.status()).as(own.body()).isEqualTo(400);
        assertThat(own.json().get("detail").asText()).contains("own");

        var tooLong = mark(path, "ben", "x".repeat(201));
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.json().get("error").asText()).isNotBlank();
        assertThat(http.get(path).json().get("count").asInt()).isZero();

        assertThat(http.post(path, Map.of(), null).status()).isEqualTo(401);
        assertThat(mark("/api/articles/no-such-page/taught", "ben", null).status())
                .isEqualTo(404);
        assertThat(mark("/api/answers/no-such-answer/taught", "ben", null).status())
                .isEqualTo(404);
        var notJson = http.raw("POST", path, "note=hi", "text/plain", people.token("ben"));
        assertThat(notJson.status()).isEqualTo(415);
    }

    @Test
    void aNoteIsPlainTextEscapedOnThePage() {
        String slug = article("ana", "Kafka retries");
        assertThat(mark("/api/articles/" + slug + "/taught", "ben", "<script>alert(1)</script> is bad")
                        .status())
                .isEqualTo(201);
        String html = http.getWithCookies("/wiki/" + slug, "").body();
        assertThat(html)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; is bad")
                .doesNotContain("<script>alert(1)");
        assertThat(html).contains("1 person learned something from this.");
    }

    @Test
    void anAnswersMarkIsItsHelpfulVoteAndOrdersAnswers() {
        String answerId = answer("cleo", "ana");
        String path = "/api/answers/" + answerId + "/taught";
        assertThat(mark(path, "ana", null).status()).isEqualTo(400); // own answer
        var marked = mark(path, "ben", "cooperative rebalancing exists");
        assertThat(marked.status()).as(marked.body()).isEqualTo(201);
        // the same mark as the helpful vote: voting again is the conflict it always was
        assertThat(http.post("/api/answers/" + answerId + "/votes", Map.of(), people.token("ben"))
                        .status())
                .isEqualTo(409);
        assertThat(http.delete(path, people.token("ben")).json().get("count").asInt())
                .isZero();
        assertThat(http.post("/api/answers/" + answerId + "/votes", Map.of(), people.token("ben"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theAnswerMostPeopleLearnedFromComesFirstAfterTheAcceptedOne() {
        var q = http.post(
                "/api/questions",
                Map.of("title", "Why do consumers lag?", "markdown", "Asking.", "skills", List.of("Kafka")),
                people.token("cleo"));
        String question = q.json().get("id").asText();
        String first = http.post(
                        "/api/questions/" + question + "/answers",
                        Map.of("markdown", "Slow handlers."),
                        people.token("ana"))
                .json()
                .get("id")
                .asText();
        String second = http.post(
                        "/api/questions/" + question + "/answers",
                        Map.of("markdown", "Rebalances."),
                        people.token("ben"))
                .json()
                .get("id")
                .asText();
        assertThat(mark("/api/answers/" + second + "/taught", "cleo", "rebalances stall consumers")
                        .status())
                .isEqualTo(201);
        assertThat(field(http.get("/api/questions/" + question).json().get("answers"), "id"))
                .containsExactly(second, first);
        assertThat(mark("/api/answers/" + first + "/taught", "cleo", null).status())
                .isEqualTo(201);
        assertThat(mark("/api/answers/" + first + "/taught", "ben", null).status())
                .isEqualTo(201);
        assertThat(field(http.get("/api/questions/" + question).json().get("answers"), "id"))
                .containsExactly(first, second);
        http.delete("/api/answers/" + first + "/taught", people.token("ben"));
        http.post("/api/answers/" + second + "/accept", Map.of(), people.token("cleo"));
        http.delete("/api/answers/" + second + "/taught", people.token("cleo"));
        // the accepted answer stays first whatever the marks
        assertThat(field(http.get("/api/questions/" + question).json().get("answers"), "id"))
                .containsExactly(second, first);
    }

    @Test
    void theAuthorHearsOfItCollapsedPerPageAndSeesTheNotesOnTheProfile() {
        String slug = article("ana", "Kafka retries");
        String answerId = answer("ben", "ana");
        mark("/api/articles/" + slug + "/taught", "ben", "jitter matters");
        mark("/api/articles/" + slug + "/taught", "cleo", "backoff caps");
        mark("/api/answers/" + answerId + "/taught", "cleo", "rebalancing is incremental");

        JsonNode inbox =
                http.get("/api/notifications", people.token("ana")).json().get("notifications");
        // (ana also hears the question was routed to her: she wrote about Kafka)
        assertThat(field(inbox, "kind")).contains("page-taught", "answer-voted").doesNotHaveDuplicates();
        JsonNode page = inbox.get(field(inbox, "kind").indexOf("page-taught"));
        assertThat(page.get("count").asInt()).isEqualTo(2);
        assertThat(page.get("url").asText()).isEqualTo("/wiki/" + slug);

        JsonNode learned =
                http.get("/api/people/ana/learned-from", people.token("ben")).json();
        assertThat(learned.get("marks").asInt()).isEqualTo(3);
        assertThat(learned.get("people").asInt()).isEqualTo(2);
        assertThat(field(learned.get("notes"), "note"))
                .containsExactly("rebalancing is incremental", "backoff caps", "jitter matters");

        String profile = http.getWithCookies("/people/ana", http.browserSession("ben", TestLore.PASSWORD))
                .body();
        assertThat(profile).contains("What people learned from").contains("backoff caps");
    }

    @Test
    void formsMarkAndTakeBackWithoutJavaScript() {
        String slug = article("ana", "Kafka retries");
        String cookies = http.browserSession("ben", TestLore.PASSWORD);
        String csrf = Http.csrfOf(cookies);

        var marked = http.form("/wiki/" + slug + "/taught", Map.of("_csrf", csrf, "note", "jitter matters"), cookies);
        assertThat(marked.status()).as(marked.body()).isEqualTo(303);
        assertThat(marked.header("Location")).hasValue("/wiki/" + slug + "#taught");
        String page = http.getWithCookies("/wiki/" + slug, cookies).body();
        assertThat(page).contains("You learned something from this").contains("jitter matters");

        var again = http.form("/wiki/" + slug + "/taught", Map.of("_csrf", csrf, "note", "twice"), cookies);
        assertThat(again.status()).isEqualTo(303);
        assertThat(http.get("/api/articles/" + slug + "/taught")
                        .json()
                        .get("count")
                        .asInt())
                .isEqualTo(1);

        var revoked = http.form("/wiki/" + slug + "/taught/revoke", Map.of("_csrf", csrf), cookies);
        assertThat(revoked.status()).isEqualTo(303);
        assertThat(http.get("/api/articles/" + slug + "/taught")
                        .json()
                        .get("count")
                        .asInt())
                .isZero();

        String answerId = answer("cleo", "ana");
        var onAnswer = http.form("/answers/" + answerId + "/taught", Map.of("_csrf", csrf, "note", ""), cookies);
        assertThat(onAnswer.status()).isEqualTo(303);
        assertThat(onAnswer.header("Location").orElseThrow()).endsWith("#answer-" + answerId);
        assertThat(http.get("/api/answers/" + answerId + "/taught")
                        .json()
                        .get("count")
                        .asInt())
                .isEqualTo(1);
    }
}
