package dev.lore.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestLore.class)
class NotifyPagesIT {
    private Http http;
    private TestLore.Running lore;
    private String ana;
    private String cookies;

    @BeforeEach
    void people(TestLore.Running running, Http http) {
        this.lore = running;
        this.http = http;
        ana = lore.person("ana", "Ana Silva", "Streaming", Role.CONTRIBUTOR);
        lore.person("cleo", "Cleo Park", "Data", Role.READER);
        cookies = http.browserSession("cleo", TestLore.PASSWORD);
    }

    private String article(String title) {
        var r = http.post("/api/articles", Map.of("title", title, "markdown", "Text.\n"), ana);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("slug").asText();
    }

    private Http.Response form(String path, Map<String, String> fields) {
        var all = new java.util.HashMap<>(fields);
        all.put("_csrf", Http.csrfOf(cookies));
        return http.form(path, all, cookies);
    }

    @Test
    void theWatchButtonWorksWithoutJavaScriptAndTheBellCountsUnread() {
        String slug = article("Deploying on Fridays");
        String page = http.getWithCookies("/wiki/" + slug, cookies).body();
        assertThat(page).contains("name=\"action\" value=\"watch\"").contains("class=\"bell-count\"");

        var watch =
                form("/watches", Map.of("kind", "article", "target", slug, "action", "watch", "back", "/wiki/" + slug));
        assertThat(watch.status()).as(watch.body()).isEqualTo(303);
        assertThat(watch.header("Location").orElseThrow()).contains("/wiki/" + slug);
        assertThat(http.getWithCookies("/wiki/" + slug, cookies).body()).contains(">Unwatch</button>");
        assertThat(http.getWithCookies("/watching", cookies).body()).contains("Deploying on Fridays");

        int base = http.get("/api/articles/" + slug).json().get("revision").asInt();
        http.put("/api/articles/" + slug, Map.of("markdown", "New text.\n", "baseRevision", base), ana);

        String home = http.getWithCookies("/", cookies).body();
        assertThat(home).contains("Notifications, 1 unread");
        assertThat(http.getWithCookies("/notifications/count", cookies).body()).isEqualTo("1");
        String inbox = http.getWithCookies("/notifications", cookies).body();
        assertThat(inbox).contains("Ana Silva edited").contains("Deploying on Fridays");
        String id = http.get("/api/notifications", http.login("cleo", TestLore.PASSWORD))
                .json()
                .get("notifications")
                .get(0)
                .get("id")
                .asText();

        var open = http.getWithCookies("/notifications/" + id, cookies);
        assertThat(open.status()).isEqualTo(303);
        assertThat(open.header("Location").orElseThrow()).contains("/wiki/" + slug + "/diff?from=1");
        assertThat(http.getWithCookies("/notifications/count", cookies).body()).isEqualTo("0");

        var unwatch =
                form("/watches", Map.of("kind", "article", "target", slug, "action", "unwatch", "back", "/watching"));
        assertThat(unwatch.status()).isEqualTo(303);
        assertThat(http.getWithCookies("/watching", cookies).body()).doesNotContain("Deploying on Fridays");
    }

    @Test
    void watchButtonsShowOnPeopleSkillsAndQuestions() {
        assertThat(http.getWithCookies("/people/ana", cookies).body()).contains("name=\"kind\" value=\"person\"");
        var watch = form(
                "/watches",
                Map.of("kind", "person", "target", "ana", "action", "watch", "back", "https://evil.example/"));
        assertThat(watch.status()).isEqualTo(303);
        assertThat(watch.header("Location")).hasValue("/watching");
        article("Kafka basics"); // a new page by someone Cleo watches
        assertThat(http.getWithCookies("/notifications", cookies).body()).contains("Ana Silva wrote a new page");
    }

    @Test
    void preferencesSaveFromTheForm() {
        var saved = form(
                "/me/notifications",
                Map.of(
                        "ch-page-changed",
                        "email",
                        "auto-edit",
                        "true",
                        "digest",
                        "weekly",
                        "digestHour",
                        "7",
                        "digestDay",
                        "friday",
                        "zone",
                        "Europe/Berlin"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        var prefs = http.get("/api/me/notification-preferences", http.login("cleo", TestLore.PASSWORD))
                .json();
        assertThat(prefs.get("channels").get("page-changed").asText()).isEqualTo("email");
        assertThat(prefs.get("autoWatch").get("create").asBoolean()).isFalse();
        assertThat(prefs.get("digest").asText()).isEqualTo("weekly");
        assertThat(prefs.get("digestDay").asText()).isEqualTo("friday");
        assertThat(prefs.get("zone").asText()).isEqualTo("Europe/Berlin");

        var bad = form("/me/notifications", Map.of("zone", "Mars/Olympus"));
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void anUnsubscribeLinkWorksWithoutSigningInAndCannotBeForged() {
        String token = lore.lore().unsubscribes().tokenFor("cleo");
        assertThat(http.get("/unsubscribe?token=" + Http.enc(token)).status()).isEqualTo(200);
        var forged = http.form("/unsubscribe", Map.of("token", token.replace('.', 'x')), null);
        assertThat(forged.status()).isEqualTo(400);
        var other = http.form(
                "/unsubscribe", Map.of("token", lore.lore().unsubscribes().tokenFor("ana") + "x"), null);
        assertThat(other.status()).isEqualTo(400);
        var done = http.form("/unsubscribe", Map.of("token", token), null);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("no more email");
        var prefs = http.get("/api/me/notification-preferences", http.login("cleo", TestLore.PASSWORD))
                .json();
        assertThat(prefs.get("emailOff").asBoolean()).isTrue();
    }
}
