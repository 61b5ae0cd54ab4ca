package dev.lore.server.question;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A champion promotes an accepted answer into an article that credits the answer's author. */
@ExtendWith(TestLore.class)
class PromoteIT {
    private TestLore.Running lore;
    private Http http;
    private String asker;
    private String author;
    private String champion;
    private String reader;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        asker = lore.person("asa.asker", "Asa Asker", "Web", Role.READER);
        author = lore.person("ada.author", "Ada Author", "Platform", Role.CONTRIBUTOR);
        champion = lore.person("cy.champion", "Cy Champion", "Enablement", Role.CHAMPION);
        reader = http.login("rudi.reader", TestLore.PASSWORD);
    }

    private String ask(String title, List<String> skills) {
        var r = http.post(
                "/api/questions", Map.of("title", title, "markdown", "We keep hitting this.", "skills", skills), asker);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private String answer(String questionId, String markdown) {
        var r = http.post("/api/questions/" + questionId + "/answers", Map.of("markdown", markdown), author);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private void accept(String answerId) {
        var r = http.post("/api/answers/" + answerId + "/accept", Map.of(), asker);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** An accepted answer about quorum queues, with a comment by someone else under it. */
    private String acceptedAnswer() {
        String q = ask("How do RabbitMQ quorum queues recover?", List.of("RabbitMQ"));
        String a = answer(
                q,
                "Quorum queues elect a new leader by Raft when one node fails.\n\n"
                        + "Keep an odd number of nodes so the quorum survives a zorbulon split.");
        var comment = http.post(
                "/api/comments",
                Map.of("targetKind", "answer", "targetId", a, "markdown", "Also check the zorbulon dashboard."),
                reader);
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        accept(a);
        return a;
    }

    private Http.Response promote(String answerId, Object body, String token) {
        return http.post("/api/answers/" + answerId + "/promote", body, token);
    }

    @Test
    void theArticleCreditsTheAnswersAuthorNotTheChampion() {
        String answerId = acceptedAnswer();

        var promoted = promote(answerId, Map.of(), champion);

        assertThat(promoted.status()).as(promoted.body()).isEqualTo(201);
        String slug = promoted.json().get("article").get("slug").asText();
        assertThat(promoted.header("Location")).hasValue("/api/articles/" + slug);
        JsonNode article = http.get("/api/articles/" + slug).json();
        assertThat(article.get("title").asText()).isEqualTo("How do RabbitMQ quorum queues recover?");
        assertThat(article.get("markdown").asText())
                .startsWith("Quorum queues elect a new leader")
                .doesNotContain("zorbulon dashboard"); // the comment is not the author's text
        assertThat(article.get("skills")).extracting(JsonNode::asText).containsExactly("RabbitMQ");
        assertThat(article.get("tags")).extracting(JsonNode::asText).containsExactly("rabbitmq");
        assertThat(article.get("owner").asText()).isEqualTo("ada.author");
        JsonNode contributors = article.get("contributors");
        assertThat(contributors).hasSize(1);
        assertThat(contributors.get(0).get("id").asText()).isEqualTo("ada.author");
        assertThat(contributors.get(0).get("share").asDouble()).isEqualTo(1.0);

        JsonNode revision = http.get("/api/articles/" + slug + "/revisions").json();
        String revisions = revision.toString();
        assertThat(revisions).contains("ada.author").contains("Promoted from").contains("Cy Champion");
        assertThat(revisions).doesNotContain("\"cy.champion\"");

        JsonNode experts = http.get("/api/experts?topic=" + Http.enc("quorum queues raft leader"))
                .json()
                .get("experts");
        var ranked = new ArrayList<String>();
        experts.forEach(e -> ranked.add(e.get("person").get("id").asText()));
        assertThat(ranked).startsWith("ada.author").doesNotContain("cy.champion");
        var articleEvidence = new ArrayList<String>();
        experts.get(0).get("evidence").forEach(e -> {
            if (e.get("kind").asText().equals("article")) {
                articleEvidence.add(e.get("slug").asText());
            }
        });
        assertThat(articleEvidence).contains(slug);
    }

    @Test
    void theQuestionAndTheArticleLinkToEachOtherAndTheArticleIsSearchable() {
        String answerId = acceptedAnswer();
        var promoted =
                promote(answerId, Map.of("title", "Quorum queue recovery", "tags", List.of("messaging")), champion);
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(201);
        String slug = promoted.json().get("article").get("slug").asText();
        assertThat(slug).isEqualTo("quorum-queue-recovery");
        String questionId = lore.lore().questions().answerQuestion(answerId);

        JsonNode question = http.get("/api/questions/" + questionId).json();
        assertThat(question.get("answers").get(0).get("promotedTo").get("slug").asText())
                .isEqualTo(slug);
        JsonNode from = http.get("/api/articles/" + slug).json().get("promotedFrom");
        assertThat(from.get("question").asText()).isEqualTo(questionId);
        assertThat(from.get("answer").asText()).isEqualTo(answerId);
        assertThat(from.get("author").get("id").asText()).isEqualTo("ada.author");
        assertThat(from.get("promotedBy").get("id").asText()).isEqualTo("cy.champion");
        assertThat(http.get("/api/articles/" + slug).json().get("tags"))
                .extracting(JsonNode::asText)
                .containsExactly("messaging");

        String questionPage = http.get("/questions/" + questionId).body();
        assertThat(questionPage).contains("This answer became the article").contains("href=\"/wiki/" + slug + "\"");
        String articlePage = http.get("/wiki/" + slug).body();
        assertThat(articlePage)
                .contains("From a question answered by")
                .contains("Ada Author")
                .contains("href=\"/questions/" + questionId + "\"");

        var hits =
                http.get("/api/search?q=" + Http.enc("zorbulon split")).json().get("hits");
        var slugs = new ArrayList<String>();
        hits.forEach(h -> slugs.add(h.get("slug").asText()));
        assertThat(slugs).contains(slug);
    }

    @Test
    void onlyChampionsPromoteAndOnlyAnAcceptedAnswerOnce() {
        String q = ask("Why is the build slow?", List.of());
        String notAccepted = answer(q, "The Gradle cache is cold on new runners.");

        assertThat(promote(notAccepted, Map.of(), champion).status()).isEqualTo(409);
        accept(notAccepted);
        assertThat(promote(notAccepted, Map.of(), author).status()).isEqualTo(403);
        assertThat(promote(notAccepted, Map.of(), asker).status()).isEqualTo(403);
        assertThat(promote(notAccepted, Map.of(), null).status()).isEqualTo(401);
        assertThat(promote("no-such-answer", Map.of(), champion).status()).isEqualTo(404);

        assertThat(promote(notAccepted, Map.of(), champion).status()).isEqualTo(201);
        var again = promote(notAccepted, Map.of(), champion);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("already promoted");
        assertThat(lore.lore().articles().count()).isEqualTo(1);
    }

    @Test
    void aBadTitleIsRefusedAndNothingIsWritten() {
        String q = ask("Where are the runbooks?", List.of());
        String a = answer(q, "In the ops repository, under runbooks/.");
        accept(a);

        var r = promote(a, Map.of("title", "x".repeat(201)), champion);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(lore.lore().articles().count()).isZero();
        assertThat(promote(a, Map.of(), champion).status()).isEqualTo(201);
    }

    @Test
    void championsSeeThePromoteButtonOnTheAcceptedAnswerAndItCreatesThePage() {
        String answerId = acceptedAnswer();
        String questionId = lore.lore().questions().answerQuestion(answerId);
        String cookies = http.browserSession("cy.champion", TestLore.PASSWORD);
        String readerCookies = http.browserSession("rudi.reader", TestLore.PASSWORD);

        assertThat(http.getWithCookies("/questions/" + questionId, readerCookies)
                        .body())
                .doesNotContain("Promote to article");
        assertThat(http.getWithCookies("/questions/" + questionId, cookies).body())
                .contains("Promote to article")
                .contains("action=\"/answers/" + answerId + "/promote\"");

        var posted = http.form("/answers/" + answerId + "/promote", Map.of("_csrf", Http.csrfOf(cookies)), cookies);

        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.header("Location")).hasValue("/wiki/how-do-rabbitmq-quorum-queues-recover");
        assertThat(http.getWithCookies("/questions/" + questionId, cookies).body())
                .doesNotContain("Promote to article")
                .contains("This answer became the article");
    }

    @Test
    void theChampionRetitlesTheArticleInTheQuestionPagesForm() {
        String answerId = acceptedAnswer();
        String cookies = http.browserSession("cy.champion", dev.lore.server.support.TestLore.PASSWORD);

        var promoted = http.form(
                "/answers/" + answerId + "/promote",
                Map.of("_csrf", Http.csrfOf(cookies), "title", "  Quorum queue recovery  "),
                cookies);

        assertThat(promoted.status()).as(promoted.body()).isEqualTo(303);
        assertThat(promoted.header("Location")).hasValue("/wiki/quorum-queue-recovery");
        assertThat(http.get("/api/articles/quorum-queue-recovery")
                        .json()
                        .get("title")
                        .asText())
                .isEqualTo("Quorum queue recovery");
    }
}
