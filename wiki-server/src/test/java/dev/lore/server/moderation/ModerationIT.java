package dev.lore.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Flags, the review queue, hiding and restoring, and the audit log. */
@ExtendWith(TestLore.class)
class ModerationIT {
    private Http http;
    private String carla;
    private String rudi;
    private String champ;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.http = http;
        lore.lore()
                .people()
                .create(
                        "chris.champion",
                        "Chris Champion",
                        "chris@example.test",
                        "Enablement",
                        "Community lead",
                        Role.CHAMPION,
                        Optional.of(TestLore.PASSWORD));
        carla = http.login("carla.contrib", TestLore.PASSWORD);
        rudi = http.login("rudi.reader", TestLore.PASSWORD);
        champ = http.login("chris.champion", TestLore.PASSWORD);
    }

    private String article(String title, String markdown) {
        var r = http.post("/api/articles", Map.of("title", title, "markdown", markdown), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("slug").asText();
    }

    private Http.Response flag(String token, String kind, String target, String reason) {
        var body = new HashMap<String, Object>();
        body.put("targetKind", kind);
        body.put("target", target);
        body.put("reason", reason);
        body.put("note", "Looks like an ad");
        return http.post("/api/flags", body, token);
    }

    private List<String> searchSlugs(String q) {
        var r = http.get("/api/search?q=" + Http.enc(q));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("hits").findValuesAsText("slug");
    }

    @Test
    void aReaderFlagsAPageOnceAndTheChampionSeesItInTheQueue() {
        String slug = article("Cheap watches", "Buy cheap zorblax watches here.");

        var first = flag(rudi, "article", slug, "spam");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("status").asText()).isEqualTo("open");
        var second = flag(rudi, "article", slug, "offensive");
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(flag(carla, "article", slug, "spam").status()).isEqualTo(201);

        var queue = http.get("/api/moderation/queue", champ);
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        JsonNode item = queue.json().get("queue").get(0);
        assertThat(item.get("target").asText()).isEqualTo(slug);
        assertThat(item.get("targetKind").asText()).isEqualTo("article");
        assertThat(item.get("count").asInt()).isEqualTo(2);
        assertThat(item.get("reasons").get("spam").asInt()).isEqualTo(2);
        assertThat(item.get("link").asText()).isEqualTo("/wiki/" + slug);
    }

    @Test
    void onlyChampionsSeeTheQueueAndModerate() {
        String slug = article("Cheap watches", "Buy cheap watches here.");
        assertThat(http.get("/api/moderation/queue", carla).status()).isEqualTo(403);
        assertThat(http.get("/api/moderation/queue", rudi).status()).isEqualTo(403);
        assertThat(http.get("/api/moderation/queue").status()).isEqualTo(401);
        assertThat(http.get("/api/moderation/audit", carla).status()).isEqualTo(403);
        assertThat(http.post("/api/moderation/article/" + slug + "/hide", Map.of("reason", "spam"), carla)
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/moderation", carla).status()).isEqualTo(403);
        assertThat(http.get("/api/articles/" + slug, rudi).status()).isEqualTo(200);
    }

    @Test
    void hidingAPageTakesItFromReadersAndSearchAndRestoringBringsItBack() {
        String slug = article("Zorblax ticket guide", "How to file a zorblax ticket, step by step.");
        http.put(
                "/api/articles/" + slug,
                Map.of("markdown", "How to file a zorblax ticket, step by step. Now with pictures.", "baseRevision", 1),
                carla);
        assertThat(searchSlugs("zorblax")).containsExactly(slug);

        var hide =
                http.post("/api/moderation/article/" + slug + "/hide", Map.of("reason", "copied from a vendor"), champ);

        assertThat(hide.status()).as(hide.body()).isEqualTo(204);
        assertThat(http.get("/api/articles/" + slug, rudi).status()).isEqualTo(404);
        assertThat(http.get("/api/articles/" + slug).status()).isEqualTo(404);
        assertThat(http.get("/wiki/" + slug, rudi).status()).isEqualTo(404);
        assertThat(searchSlugs("zorblax")).isEmpty();
        assertThat(http.get("/api/articles", rudi).json().get("articles").findValuesAsText("slug"))
                .doesNotContain(slug);
        var asChampion = http.get("/api/articles/" + slug, champ);
        assertThat(asChampion.status()).as(asChampion.body()).isEqualTo(200);
        assertThat(asChampion.json().get("hidden").asBoolean()).isTrue();
        var history = http.get("/api/articles/" + slug + "/revisions", champ);
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.json().get("revisions").size()).isEqualTo(2);
        assertThat(http.get("/api/articles/" + slug + "/revisions", rudi).status())
                .isEqualTo(404);

        var restore =
                http.post("/api/moderation/article/" + slug + "/restore", Map.of("reason", "vendor agreed"), champ);

        assertThat(restore.status()).as(restore.body()).isEqualTo(204);
        assertThat(http.get("/api/articles/" + slug, rudi).status()).isEqualTo(200);
        assertThat(searchSlugs("zorblax")).containsExactly(slug);
        assertThat(http.get("/api/articles/" + slug + "/revisions", rudi)
                        .json()
                        .get("revisions")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void theAuditLogRecordsWhoDidWhatWhenAndWhy() {
        String slug = article("Cheap watches", "Buy cheap watches here.");
        String flagId = flag(rudi, "article", slug, "spam").json().get("id").asText();
        http.post("/api/moderation/article/" + slug + "/hide", Map.of("reason", "advertising"), champ);
        http.post("/api/moderation/article/" + slug + "/restore", Map.of("reason", "second look"), champ);
        String other = article("Old VPN page", "Use the old VPN.");
        String otherFlag =
                flag(rudi, "article", other, "outdated").json().get("id").asText();
        var dismissed =
                http.post("/api/moderation/flags/" + otherFlag + "/dismiss", Map.of("reason", "still right"), champ);
        assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(204);
        assertThat(http.post("/api/moderation/flags/" + otherFlag + "/dismiss", Map.of(), champ)
                        .status())
                .isEqualTo(409);

        var audit = http.get("/api/moderation/audit?limit=10", champ);

        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        JsonNode events = audit.json().get("events");
        assertThat(events.findValuesAsText("action")).containsExactly("dismiss", "flag", "restore", "hide", "flag");
        JsonNode hide = events.get(3);
        assertThat(hide.get("actor").asText()).isEqualTo("chris.champion");
        assertThat(hide.get("actorName").asText()).isEqualTo("Chris Champion");
        assertThat(hide.get("targetKind").asText()).isEqualTo("article");
        assertThat(hide.get("targetId").asText()).isEqualTo(slug);
        assertThat(hide.get("reason").asText()).isEqualTo("advertising");
        assertThat(hide.get("at").asText()).isNotBlank();
        assertThat(events.get(0).get("reason").asText()).isEqualTo("still right");
        // hiding resolved the first flag, dismissing the other: the queue is empty
        assertThat(http.get("/api/moderation/queue", champ).json().get("queue")).isEmpty();
        assertThat(flagId).isNotBlank();
    }

    @Test
    void badInputIsA400AndUnknownContentA404() {
        String slug = article("Cheap watches", "Buy cheap watches here.");
        assertThat(flag(rudi, "video", slug, "spam").status()).isEqualTo(400);
        assertThat(flag(rudi, "article", slug, "boring").status()).isEqualTo(400);
        assertThat(flag(rudi, "article", "", "spam").status()).isEqualTo(400);
        assertThat(flag(rudi, "article", "no-such-page", "spam").status()).isEqualTo(404);
        assertThat(flag(rudi, "answer", "no-such-answer", "spam").status()).isEqualTo(404);
        assertThat(http.post("/api/flags", Map.of(), null).status()).isEqualTo(401);
        assertThat(http.post("/api/moderation/article/" + slug + "/hide", Map.of(), champ)
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/api/moderation/article/" + slug + "/hide", Map.of("reason", " "), champ)
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/api/moderation/page/" + slug + "/hide", Map.of("reason", "x"), champ)
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/api/moderation/article/nothing-here/hide", Map.of("reason", "x"), champ)
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/api/moderation/flags/nope/dismiss", Map.of(), champ)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aHiddenAnswerIsNotShownToReadersAndAHiddenQuestionIsGone() {
        var q = http.post(
                "/api/questions",
                Map.of("title", "Where is the quuxbar runbook?", "markdown", "I cannot find it.", "skills", List.of()),
                rudi);
        assertThat(q.status()).as(q.body()).isEqualTo(201);
        String id = q.json().get("id").asText();
        var a = http.post("/api/questions/" + id + "/answers", Map.of("markdown", "Buy zorblax watches!"), carla);
        String answer = a.json().get("id").asText();
        assertThat(flag(rudi, "answer", answer, "spam").status()).isEqualTo(201);
        assertThat(searchSlugs("zorblax")).containsExactly(id);

        assertThat(http.post("/api/moderation/answer/" + answer + "/hide", Map.of("reason", "spam"), champ)
                        .status())
                .isEqualTo(204);

        JsonNode page = http.get("/api/questions/" + id, rudi).json();
        assertThat(page.get("answers")).isEmpty();
        assertThat(http.get("/questions/" + id, rudi).body()).doesNotContain("zorblax");
        assertThat(searchSlugs("zorblax")).isEmpty();
        assertThat(searchSlugs("quuxbar")).containsExactly(id);

        assertThat(http.post("/api/moderation/question/" + id + "/hide", Map.of("reason", "duplicate"), champ)
                        .status())
                .isEqualTo(204);
        assertThat(http.get("/api/questions/" + id, rudi).status()).isEqualTo(404);
        assertThat(searchSlugs("quuxbar")).isEmpty();
        assertThat(http.get("/api/questions", rudi).json().get("questions").findValuesAsText("id"))
                .doesNotContain(id);
    }

    @Test
    void theReviewPageShowsTheQueueAndAChampionSeesAHiddenPageWithABanner() {
        String slug = article("Cheap watches", "Buy cheap watches here.");
        flag(rudi, "article", slug, "spam");
        var page = http.get("/moderation", champ);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Cheap watches").contains("spam ×1").contains("Audit log");

        http.post("/api/moderation/article/" + slug + "/hide", Map.of("reason", "advertising"), champ);

        var hidden = http.get("/wiki/" + slug, champ);
        assertThat(hidden.status()).isEqualTo(200);
        assertThat(hidden.body())
                .contains("Hidden by Chris Champion: advertising")
                .contains("Restore");
        assertThat(http.get("/wiki/" + slug + "/history", champ).status()).isEqualTo(200);
    }
}
