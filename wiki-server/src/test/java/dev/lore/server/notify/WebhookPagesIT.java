package dev.lore.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The webhook admin pages, as a champion's browser without JavaScript uses them. */
@ExtendWith(TestLore.class)
class WebhookPagesIT {
    /** A public address that needs no name lookup (TEST-NET-3); nothing is sent to it here. */
    private static final String URL = "http://203.0.113.5/lore-hook";

    private static final Pattern SECRET = Pattern.compile("<code class=\"secret\">([0-9a-f]{64})</code>");

    private TestLore.Running lore;
    private Http http;
    private String chris;
    private String chrisToken;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        chrisToken = lore.person("chris", "Chris Champion", "Enablement", Role.CHAMPION);
        chris = http.browserSession("chris", TestLore.PASSWORD);
    }

    private Http.Response register(String url, List<String> events) {
        var fields = new java.util.ArrayList<Map.Entry<String, String>>();
        fields.add(Map.entry("_csrf", Http.csrfOf(chris)));
        fields.add(Map.entry("url", url));
        events.forEach(e -> fields.add(Map.entry("events", e)));
        return http.form("/webhooks", fields, chris);
    }

    @Test
    void aChampionRegistersAHookAndSeesItsSecretOnceThenDeletesIt() {
        assertThat(http.getWithCookies("/webhooks", chris).body()).contains("No webhooks yet.");

        var created = register(URL, List.of("answer", "mention"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var secret = SECRET.matcher(created.body());
        assertThat(secret.find()).as(created.body()).isTrue();
        var hooks = http.get("/api/webhooks", chrisToken).json().get("webhooks");
        assertThat(hooks).hasSize(1);
        String id = hooks.get(0).get("id").asText();
        assertThat(hooks.get(0).get("events").toString()).isEqualTo("[\"answer\",\"mention\"]");
        String list = http.getWithCookies("/webhooks", chris).body();
        assertThat(list)
                .contains(URL)
                .contains("answer, mention")
                .contains("href=\"/webhooks/" + id + "\"")
                .doesNotContain(secret.group(1));

        var deleted = http.form("/webhooks/" + id + "/delete", Map.of("_csrf", Http.csrfOf(chris)), chris);

        assertThat(deleted.status()).isEqualTo(303);
        assertThat(http.get("/api/webhooks", chrisToken).json().get("webhooks")).isEmpty();
        assertThat(http.getWithCookies("/webhooks/" + id, chris).status()).isEqualTo(404);
    }

    @Test
    void aBadUrlIsRefusedWithTheReasonAndWhatWasTyped() {
        var refused = register("ftp://files.example.test/x", List.of("answer"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("url must be an http or https URL")
                .contains("value=\"ftp://files.example.test/x\"")
                .contains("value=\"answer\" checked");
        assertThat(http.get("/api/webhooks", chrisToken).json().get("webhooks")).isEmpty();

        var loopback = register("http://127.0.0.1:9/hook", List.of());
        assertThat(loopback.status()).isEqualTo(400);
        assertThat(loopback.body()).contains("loopback or private address");
    }

    @Test
    void theDeliveryLogShowsWhatWasQueuedForTheHook() {
        var created = register(URL, List.of("answer"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = http.get("/api/webhooks", chrisToken)
                .json()
                .get("webhooks")
                .get(0)
                .get("id")
                .asText();
        String ana = lore.person("ana", "Ana Silva", "Streaming", Role.CONTRIBUTOR);
        String cleo = lore.person("cleo", "Cleo Park", "Data", Role.READER);
        var q = http.post(
                "/api/questions",
                Map.of("title", "Where are the runbooks?", "markdown", "?", "skills", List.of()),
                cleo);
        String question = q.json().get("id").asText();
        var a = http.post("/api/questions/" + question + "/answers", Map.of("markdown", "In the wiki."), ana);
        assertThat(a.status()).as(a.body()).isEqualTo(201);

        var log = http.getWithCookies("/webhooks/" + id, chris);

        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body())
                .contains("Deliveries to <code>" + URL + "</code>")
                .contains("answer: <a href=\"/questions/" + question + "\">Where are the runbooks?</a>")
                .contains("<td>pending</td>");
    }

    @Test
    void readersAndContributorsCannotSeeOrRegisterHooks() {
        lore.person("ana", "Ana Silva", "Streaming", Role.CONTRIBUTOR);
        String ana = http.browserSession("ana", TestLore.PASSWORD);
        assertThat(http.getWithCookies("/webhooks", ana).status()).isEqualTo(403);
        var post = http.form("/webhooks", Map.of("_csrf", Http.csrfOf(ana), "url", URL), ana);
        assertThat(post.status()).isEqualTo(403);
        assertThat(http.get("/api/webhooks", chrisToken).json().get("webhooks")).isEmpty();
    }
}
