package dev.lore.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Besides hide and dismiss, a flag goes to the owner to fix or is marked fixed; whoever flagged hears. */
@ExtendWith(TestLore.class)
class FlagOutcomeIT {
    private static JsonNode inbox(Http http, String token) {
        var r = http.get("/api/notifications", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("notifications");
    }

    private static String flagOn(Http http, String slug, String reason, String token) {
        var flag = http.post("/api/flags", Map.of("targetKind", "article", "target", slug, "reason", reason), token);
        assertThat(flag.status()).as(flag.body()).isEqualTo(201);
        return flag.json().get("id").asText();
    }

    @Test
    void sendToOwnerAsksTheOwnerToFixItAndTellsTheFlagger(TestLore.Running lore, Http http) {
        String chris = lore.person("chris", "Chris Champion", "Enablement", Role.CHAMPION);
        String owen = lore.person("owen", "Owen Owner", "Platform", Role.CONTRIBUTOR);
        String cleo = lore.person("cleo", "Cleo Park", "Data", Role.READER);
        var page = http.post(
                "/api/articles",
                Map.of("title", "VPN setup", "markdown", "Use the old gateway.", "owner", "owen"),
                owen);
        String slug = page.json().get("slug").asText();
        String flag = flagOn(http, slug, "outdated", cleo);
        http.post("/api/notifications/read", Map.of("all", true), owen);

        var sent = http.post(
                "/api/moderation/flags/" + flag + "/send-to-owner", Map.of("reason", "the gateway moved"), chris);

        assertThat(sent.status()).as(sent.body()).isEqualTo(204);
        JsonNode owenInbox = inbox(http, owen);
        assertThat(owenInbox.get(0).get("kind").asText()).isEqualTo("fix-requested");
        assertThat(owenInbox.get(0).get("url").asText()).isEqualTo("/wiki/" + slug);
        assertThat(owenInbox.get(0).get("message").asText())
                .contains("outdated")
                .contains("the gateway moved");
        JsonNode cleoInbox = inbox(http, cleo);
        assertThat(cleoInbox).hasSize(1);
        assertThat(cleoInbox.get(0).get("kind").asText()).isEqualTo("flag-resolved");
        assertThat(cleoInbox.get(0).get("message").asText()).contains("Sent to its owner to fix");
        assertThat(http.get("/api/moderation/queue", chris).json().findValuesAsText("id"))
                .doesNotContain(flag);
        assertThat(http.post("/api/moderation/flags/" + flag + "/fixed", Map.of(), chris)
                        .status())
                .as("a settled flag is settled once")
                .isEqualTo(409);
    }

    @Test
    void fixedAndDismissedFromTheReviewPageTellTheFlagger(TestLore.Running lore, Http http) {
        lore.person("chris", "Chris Champion", "Enablement", Role.CHAMPION);
        String owen = lore.person("owen", "Owen Owner", "Platform", Role.CONTRIBUTOR);
        String cleo = lore.person("cleo", "Cleo Park", "Data", Role.READER);
        String a = http.post("/api/articles", Map.of("title", "VPN setup", "markdown", "Old.", "owner", "owen"), owen)
                .json()
                .get("slug")
                .asText();
        String b = http.post(
                        "/api/articles", Map.of("title", "Office wifi", "markdown", "Fine.", "owner", "owen"), owen)
                .json()
                .get("slug")
                .asText();
        String wrong = flagOn(http, a, "wrong", cleo);
        String spam = flagOn(http, b, "spam", cleo);
        String cookies = http.browserSession("chris", TestLore.PASSWORD);
        String review = http.getWithCookies("/moderation", cookies).body();
        assertThat(review)
                .contains("action=\"/moderation/flags/" + wrong + "/send-to-owner\"")
                .contains("action=\"/moderation/flags/" + wrong + "/fixed\"");

        var fixed = http.form("/moderation/flags/" + wrong + "/fixed", Map.of("_csrf", Http.csrfOf(cookies)), cookies);
        var dismissed =
                http.form("/moderation/flags/" + spam + "/dismiss", Map.of("_csrf", Http.csrfOf(cookies)), cookies);

        assertThat(fixed.status()).isEqualTo(303);
        assertThat(dismissed.status()).isEqualTo(303);
        JsonNode cleoInbox = inbox(http, cleo);
        assertThat(cleoInbox.findValuesAsText("kind")).containsOnly("flag-resolved");
        assertThat(cleoInbox.findValuesAsText("message"))
                .anyMatch(m -> m.contains("(wrong): Fixed"))
                .anyMatch(m -> m.contains("(spam): Dismissed"));
        assertThat(http.post("/api/moderation/flags/" + wrong + "/send-to-owner", Map.of(), cleo)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void hidingContentTellsEveryoneWhoFlaggedIt(TestLore.Running lore, Http http) {
        lore.person("chris", "Chris Champion", "Enablement", Role.CHAMPION);
        String owen = lore.person("owen", "Owen Owner", "Platform", Role.CONTRIBUTOR);
        String cleo = lore.person("cleo", "Cleo Park", "Data", Role.READER);
        String dan = lore.person("dan", "Dan Reader", "Data", Role.READER);
        String slug = http.post(
                        "/api/articles", Map.of("title", "Cheap pills", "markdown", "Buy now.", "owner", "owen"), owen)
                .json()
                .get("slug")
                .asText();
        flagOn(http, slug, "spam", cleo);
        flagOn(http, slug, "offensive", dan);
        String cookies = http.browserSession("chris", TestLore.PASSWORD);

        var hidden = http.form(
                "/moderation/article/" + slug + "/hide",
                Map.of("_csrf", Http.csrfOf(cookies), "reason", "advertising"),
                cookies);

        assertThat(hidden.status()).as(hidden.body()).isEqualTo(303);
        for (String flagger : java.util.List.of(cleo, dan)) {
            JsonNode inbox = inbox(http, flagger);
            assertThat(inbox).hasSize(1);
            assertThat(inbox.get(0).get("kind").asText()).isEqualTo("flag-resolved");
            assertThat(inbox.get(0).get("message").asText())
                    .contains("Hidden: a champion took it down")
                    .contains("advertising");
        }
        assertThat(http.get("/api/moderation/queue", lore.person("cy", "Cy Champion", "Enablement", Role.CHAMPION))
                        .json()
                        .findValuesAsText("target"))
                .doesNotContain(slug);
    }
}
