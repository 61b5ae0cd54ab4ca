package dev.lore.server.question;

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
class QuestionApiIT {
    private Http http;
    private TestLore.Running lore;
    private TestPeople people;

    @BeforeEach
    void people(TestLore.Running running, Http http) {
        this.lore = running;
        this.http = http;
        people = new TestPeople(running, http);
        person("ana", "Ana Silva", "Streaming");
        person("ben", "Ben Okafor", "Platform");
        person("cleo", "Cleo Park", "Data");
        person("dan", "Dan Ruiz", "Web");
    }

    private void person(String id, String name, String team) {
        people.add(id, name, team, Role.CONTRIBUTOR);
    }

    private static List<String> ids(JsonNode array, String field) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void asksAnswersAndAcceptsAnAnswer() {
        JsonNode q =
                people.ask("ana", "How do I rotate the Kafka client certificates?", "We use *mTLS*.", List.of("Kafka"));
        String id = q.get("id").asText();
        assertThat(q.get("asker").get("id").asText()).isEqualTo("ana");
        assertThat(q.get("html").asText()).contains("<em>mTLS</em>");
        assertThat(q.get("skills")).extracting(JsonNode::asText).containsExactly("Kafka");

        String first = people.answer("ben", id, "Use the `rotate-certs` job in the platform repo.");
        String second = people.answer("cleo", id, "Ask the platform team.");
        var accepted = http.post("/api/answers/" + first + "/accept", Map.of(), people.token("ana"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        JsonNode page = http.get("/api/questions/" + id).json();
        assertThat(page.get("acceptedAnswer").asText()).isEqualTo(first);
        assertThat(ids(page.get("answers"), "id")).containsExactly(first, second); // accepted first
        assertThat(page.get("answers").get(0).get("accepted").asBoolean()).isTrue();
        assertThat(page.get("answers").get(0).get("html").asText()).contains("<code>rotate-certs</code>");

        // accepting another answer moves the acceptance
        http.post("/api/answers/" + second + "/accept", Map.of(), people.token("ana"));
        page = http.get("/api/questions/" + id).json();
        assertThat(page.get("acceptedAnswer").asText()).isEqualTo(second);
        assertThat(page.get("answers").get(1).get("accepted").asBoolean()).isFalse();
    }

    @Test
    void onlyTheAskerAcceptsAnAnswer() {
        String id = people.ask("ana", "Where are the VPN settings?", "", List.of())
                .get("id")
                .asText();
        String a = people.answer("ben", id, "In the IT portal.");
        var byAnswerer = http.post("/api/answers/" + a + "/accept", Map.of(), people.token("ben"));
        assertThat(byAnswerer.status()).isEqualTo(403);
        assertThat(byAnswerer.json().get("detail").asText()).contains("only the person who asked");
        assertThat(http.post("/api/answers/" + a + "/accept", Map.of(), people.token("cleo"))
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/api/answers/" + a + "/accept", Map.of(), null).status())
                .isEqualTo(401);
        assertThat(http.post("/api/answers/nope/accept", Map.of(), people.token("ana"))
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/questions/" + id).json().get("acceptedAnswer").isNull())
                .isTrue();
    }

    @Test
    void countsOneHelpfulVotePerPersonAndAnswer() {
        String id = people.ask("ana", "How do I get a staging database?", "", List.of())
                .get("id")
                .asText();
        String a = people.answer("ben", id, "Run `make staging-db`.");

        var first = http.post("/api/answers/" + a + "/votes", Map.of(), people.token("cleo"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("helpful").asInt()).isEqualTo(1);

        var again = http.post("/api/answers/" + a + "/votes", Map.of(), people.token("cleo"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).isEqualTo("conflict");

        var own = http.post("/api/answers/" + a + "/votes", Map.of(), people.token("ben"));
        assertThat(own.status()).isEqualTo(400);

        assertThat(http.post("/api/answers/" + a + "/votes", Map.of(), people.token("ana"))
                        .json()
                        .get("helpful")
                        .asInt())
                .isEqualTo(2);
        assertThat(http.post("/api/answers/" + a + "/votes", Map.of(), null).status())
                .isEqualTo(401);
        assertThat(http.post("/api/answers/missing/votes", Map.of(), people.token("ana"))
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/questions/" + id)
                        .json()
                        .get("answers")
                        .get(0)
                        .get("helpful")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void commentsOnQuestionsAnswersAndArticles() {
        String id = people.ask("ana", "Which linter do we use for Go?", "", List.of("Go"))
                .get("id")
                .asText();
        String a = people.answer("ben", id, "golangci-lint.");
        String slug = people.article("cleo", "Go style guide", "Format with gofmt.", List.of("Go"));

        for (var target : List.of(List.of("question", id), List.of("answer", a), List.of("article", slug))) {
            var r = http.post(
                    "/api/comments",
                    Map.of("targetKind", target.get(0), "targetId", target.get(1), "markdown", "Thanks, **useful**."),
                    people.token("dan"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("author").get("id").asText()).isEqualTo("dan");
        }
        JsonNode q = http.get("/api/questions/" + id).json();
        assertThat(q.get("comments")).hasSize(1);
        assertThat(q.get("answers").get(0).get("comments")).hasSize(1);
        assertThat(lore.lore().questions().articleComments(slug)).hasSize(1);

        assertThat(http.post(
                                "/api/comments",
                                Map.of("targetKind", "question", "targetId", "missing", "markdown", "Hi"),
                                people.token("dan"))
                        .status())
                .isEqualTo(404);
        assertThat(http.post(
                                "/api/comments",
                                Map.of("targetKind", "person", "targetId", "ana", "markdown", "Hi"),
                                people.token("dan"))
                        .status())
                .isEqualTo(400);
        assertThat(http.post(
                                "/api/comments",
                                Map.of("targetKind", "question", "targetId", id, "markdown", " "),
                                people.token("dan"))
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/api/comments", Map.of("targetKind", "question", "targetId", id, "markdown", "Hi"), null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void kudosThankAuthorsButNeverOneself() {
        String id = people.ask("ana", "How do feature flags work here?", "", List.of())
                .get("id")
                .asText();
        String a = people.answer("ben", id, "We use Unleash; see the flags page.");
        String slug = people.article("cleo", "Feature flags", "Flags live in Unleash.", List.of());

        var forAnswer = http.post(
                "/api/kudos", Map.of("kind", "answer", "target", a, "note", "Saved my afternoon"), people.token("ana"));
        assertThat(forAnswer.status()).as(forAnswer.body()).isEqualTo(201);
        assertThat(forAnswer.json().get("to").get("id").asText()).isEqualTo("ben");

        var forArticle = http.post(
                "/api/kudos", Map.of("kind", "article", "target", slug, "to", "cleo", "note", ""), people.token("dan"));
        assertThat(forArticle.status()).as(forArticle.body()).isEqualTo(201);

        var self = http.post("/api/kudos", Map.of("kind", "answer", "target", a, "note", "me"), people.token("ben"));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().get("detail").asText()).contains("yourself");
        var selfArticle =
                http.post("/api/kudos", Map.of("kind", "article", "target", slug, "to", "cleo"), people.token("cleo"));
        assertThat(selfArticle.status()).isEqualTo(400);
        var notAnAuthor =
                http.post("/api/kudos", Map.of("kind", "article", "target", slug, "to", "ben"), people.token("dan"));
        assertThat(notAnAuthor.status()).isEqualTo(400);
        var longNote = http.post(
                "/api/kudos", Map.of("kind", "answer", "target", a, "note", "x".repeat(501)), people.token("ana"));
        assertThat(longNote.status()).isEqualTo(400);
        assertThat(http.post("/api/kudos", Map.of("kind", "answer", "target", "missing"), people.token("ana"))
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/api/kudos", Map.of("kind", "answer", "target", a), null)
                        .status())
                .isEqualTo(401);

        http.post("/api/answers/" + a + "/accept", Map.of(), people.token("ana"));
        http.post("/api/answers/" + a + "/votes", Map.of(), people.token("dan"));
        JsonNode ben =
                http.get("/api/people/ben/recognition", people.token("ana")).json();
        assertThat(ben.get("answersAccepted").asInt()).isEqualTo(1);
        assertThat(ben.get("kudosReceived").asInt()).isEqualTo(1);
        assertThat(ben.get("peopleHelped").asInt()).isEqualTo(2); // ana (accepted, thanked) and dan (voted)
        assertThat(ben.get("kudos").get(0).get("note").asText()).isEqualTo("Saved my afternoon");
        assertThat(http.get("/api/people/cleo/recognition", people.token("ana"))
                        .json()
                        .get("kudosReceived")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void rejectsBadInputWithClearErrors() {
        var noTitle = http.post("/api/questions", Map.of("title", " ", "markdown", "x"), people.token("ana"));
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.json().get("detail").asText()).isEqualTo("title must be 1-200 characters, was 0");
        assertThat(http.post("/api/questions", Map.of("title", "x".repeat(201)), people.token("ana"))
                        .status())
                .isEqualTo(400);
        var huge = http.post(
                "/api/questions", Map.of("title", "Big", "markdown", "x".repeat((1 << 20) + 1)), people.token("ana"));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().get("error").asText()).isEqualTo("too_large");
        assertThat(http.raw("POST", "/api/questions", "{not json", "application/json", people.token("ana"))
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/api/questions", Map.of("title", "Why?"), null).status())
                .isEqualTo(401);
        assertThat(http.get("/api/questions/does-not-exist").status()).isEqualTo(404);
        assertThat(http.post("/api/questions/does-not-exist/answers", Map.of("markdown", "x"), people.token("ben"))
                        .status())
                .isEqualTo(404);

        String id = people.ask("ana", "Why is the build slow?", "", List.of())
                .get("id")
                .asText();
        assertThat(http.post("/api/questions/" + id + "/answers", Map.of("markdown", ""), people.token("ben"))
                        .status())
                .isEqualTo(400);
        assertThat(http.post(
                                "/api/questions/" + id + "/answers",
                                Map.of("markdown", "y".repeat((1 << 20) + 1)),
                                people.token("ben"))
                        .status())
                .isEqualTo(413);
    }

    @Test
    void listsQuestionsAndTheUnansweredOnes() {
        String answered = people.ask("ana", "Where is the on-call rota?", "", List.of())
                .get("id")
                .asText();
        String open = people.ask("cleo", "Who owns the billing service?", "", List.of())
                .get("id")
                .asText();
        people.answer("ben", answered, "In PagerDuty.");

        assertThat(ids(http.get("/api/questions").json().get("questions"), "id"))
                .containsExactlyInAnyOrder(answered, open);
        assertThat(ids(http.get("/api/questions?unanswered=true").json().get("questions"), "id"))
                .containsExactly(open);
    }

    @Test
    void routesANewQuestionToTheBestAvailableExpertsButNotTheAsker() {
        people.article(
                "ben",
                "Kafka consumer groups",
                "Consumers in a group share the partitions of a topic.",
                List.of("Kafka"));
        people.article(
                "cleo",
                "Kafka retention",
                "Retention decides how long a Kafka topic keeps messages.",
                List.of("Kafka"));
        people.article("ana", "Kafka basics", "A Kafka topic is split into partitions.", List.of("Kafka"));

        JsonNode q = people.ask("ana", "How many partitions should a Kafka topic have?", "", List.of("Kafka"));
        List<String> askedOf = ids(q.get("askedOf"), "id");
        assertThat(askedOf).contains("ben", "cleo").doesNotContain("ana").hasSizeLessThanOrEqualTo(3);

        JsonNode mine =
                http.get("/api/people/ben/asked-of-me", people.token("ben")).json();
        assertThat(ids(mine.get("questions"), "id")).containsExactly(q.get("id").asText());
        assertThat(http.get("/api/people/dan/asked-of-me", people.token("dan"))
                        .json()
                        .get("questions"))
                .isEmpty();
        assertThat(http.get("/api/people/nobody/asked-of-me", people.token("dan"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void suggestsExistingArticlesAndQuestionsBeforeAsking() {
        String slug = people.article(
                "ben", "Rotating TLS certificates", "How to rotate certificates on the ingress.", List.of());
        String earlier = people.ask("cleo", "When do TLS certificates expire?", "", List.of())
                .get("id")
                .asText();

        JsonNode similar = http.get("/api/questions/similar?title=" + Http.enc("rotate TLS certificates"))
                .json()
                .get("similar");
        assertThat(ids(similar, "key")).contains(slug, earlier);
        assertThat(similar.get(0).get("url").asText()).startsWith("/");

        JsonNode suggested = http.post("/api/questions/suggest", Map.of("title", "expire certificates"), null)
                .json()
                .get("similar");
        assertThat(ids(suggested, "key")).contains(earlier);
        assertThat(http.get("/api/questions/similar?title=").json().get("similar"))
                .isEmpty();
    }

    @Test
    void searchFindsArticlesByTheirComments() {
        String slug = people.article("cleo", "Printer setup", "Add the office printer from settings.", List.of());
        assertThat(http.get("/api/search?q=marmoset").json().get("total").asInt())
                .isZero();
        var r = http.post(
                "/api/comments",
                Map.of("targetKind", "article", "targetId", slug, "markdown", "The *marmoset* tray jams on A3."),
                people.token("dan"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);

        JsonNode hits = http.get("/api/search?q=marmoset").json().get("hits");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).get("type").asText()).isEqualTo("article");
        assertThat(hits.get(0).get("slug").asText()).isEqualTo(slug);
        // an edit keeps the comment searchable
        JsonNode current = http.get("/api/articles/" + slug).json();
        var edit = http.put(
                "/api/articles/" + slug,
                Map.of(
                        "title", "Printer setup",
                        "markdown", "Add the office printer from system settings.",
                        "baseRevision", current.get("revision").asInt()),
                people.token("cleo"));
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        assertThat(http.get("/api/search?q=marmoset").json().get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void searchFindsQuestionsByTheirAnswersAndComments() {
        String id = people.ask("ana", "How do I reset my laptop?", "It is stuck.", List.of())
                .get("id")
                .asText();
        String a = people.answer("ben", id, "Hold the zeppelin button for ten seconds.");
        http.post(
                "/api/comments",
                Map.of("targetKind", "answer", "targetId", a, "markdown", "Also unplug the quokka dock."),
                people.token("cleo"));

        for (String words : List.of("zeppelin", "quokka", "laptop")) {
            JsonNode hits = http.get("/api/search?q=" + Http.enc(words + " type:question"))
                    .json()
                    .get("hits");
            assertThat(hits).as(words).hasSize(1);
            assertThat(hits.get(0).get("type").asText()).isEqualTo("question");
            assertThat(hits.get(0).get("slug").asText()).isEqualTo(id);
        }
        assertThat(http.get("/api/search?q=zeppelin&type=question")
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void expertsCountAnswersAndAcceptedHelpfulAnswersWeighMore() {
        String id = people.ask("ana", "How does Terraform state locking work?", "", List.of())
                .get("id")
                .asText();
        String good = people.answer("ben", id, "Terraform locks the state in DynamoDB while a plan runs.");
        people.answer("dan", id, "Terraform state locking stops two applies at once.");
        http.post("/api/answers/" + good + "/accept", Map.of(), people.token("ana"));
        http.post("/api/answers/" + good + "/votes", Map.of(), people.token("cleo"));

        JsonNode experts = http.get("/api/experts?topic=" + Http.enc("terraform state locking"))
                .json()
                .get("experts");
        List<String> ranked = new ArrayList<>();
        experts.forEach(e -> ranked.add(e.get("person").get("id").asText()));
        assertThat(ranked).startsWith("ben", "dan").doesNotContain("ana");
        JsonNode ben = experts.get(0);
        JsonNode evidence = ben.get("evidence").get(0);
        assertThat(evidence.get("kind").asText()).isEqualTo("answer");
        assertThat(evidence.get("title").asText()).isEqualTo("How does Terraform state locking work?");
        assertThat(evidence.get("slug").asText()).isEqualTo(id);
        assertThat(evidence.get("accepted").asBoolean()).isTrue();
        assertThat(evidence.has("weight")).isTrue();
        assertThat(evidence.has("at")).isTrue();
        assertThat(ben.get("explanation").asText()).contains("Answered 1 question on this (1 accepted)");
        assertThat(ben.get("score").asDouble())
                .isGreaterThan(experts.get(1).get("score").asDouble());
    }
}
