package dev.lore.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A flag tells whoever answers for the content, and the champions who work the review queue. */
@ExtendWith(TestLore.class)
class FlagNotificationsIT {
    private static JsonNode inbox(Http http, String token) {
        var r = http.get("/api/notifications", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("notifications");
    }

    @Test
    void aFlaggedAnswerTellsItsAuthorAndTheChampionsButNotTheFlagger(TestLore.Running lore, Http http) {
        String chris = lore.person("chris", "Chris Champion", "Enablement", Role.CHAMPION);
        String ana = lore.person("ana", "Ana Silva", "Streaming", Role.CONTRIBUTOR);
        String cleo = lore.person("cleo", "Cleo Park", "Data", Role.READER);
        var q = http.post(
                "/api/questions",
                Map.of("title", "Where are the runbooks?", "markdown", "?", "skills", List.of()),
                cleo);
        assertThat(q.status()).as(q.body()).isEqualTo(201);
        String question = q.json().get("id").asText();
        var a = http.post("/api/questions/" + question + "/answers", Map.of("markdown", "Nowhere."), ana);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        String answer = a.json().get("id").asText();
        http.post("/api/notifications/read", Map.of("all", true), cleo);

        var flag = http.post("/api/flags", Map.of("targetKind", "answer", "target", answer, "reason", "wrong"), cleo);
        assertThat(flag.status()).as(flag.body()).isEqualTo(201);

        JsonNode anaInbox = inbox(http, ana);
        assertThat(anaInbox).hasSize(1);
        assertThat(anaInbox.get(0).get("kind").asText()).isEqualTo("flagged");
        assertThat(anaInbox.get(0).get("url").asText()).isEqualTo("/questions/" + question);
        assertThat(anaInbox.get(0).get("message").asText()).isEqualTo("Flagged as wrong");
        JsonNode chrisInbox = inbox(http, chris);
        assertThat(chrisInbox).hasSize(1);
        assertThat(chrisInbox.get(0).get("kind").asText()).isEqualTo("review-flag");
        assertThat(chrisInbox.get(0).get("url").asText()).isEqualTo("/moderation");
        assertThat(http.get("/api/notifications", cleo).json().get("unread").asInt())
                .as("nobody hears of their own flag")
                .isZero();

        // a second flag by someone else collapses into the champions' unread entry
        String ben = lore.person("ben", "Ben Okafor", "Platform", Role.CONTRIBUTOR);
        var again = http.post("/api/flags", Map.of("targetKind", "answer", "target", answer, "reason", "spam"), ben);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        chrisInbox = inbox(http, chris);
        assertThat(chrisInbox).hasSize(1);
        assertThat(chrisInbox.get(0).get("count").asInt()).isEqualTo(2);
    }
}
