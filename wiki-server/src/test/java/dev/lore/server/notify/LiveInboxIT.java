package dev.lore.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The inbox keeps itself current where JavaScript is on (htmx polls a fragment of it and the
 * bell's count) and is a plain page otherwise. Checked at the HTTP level: what the page asks the
 * browser to poll, and what the polled fragment answers after something happened.
 */
@ExtendWith(TestLore.class)
class LiveInboxIT {
    private Http http;
    private String cleo;
    private String cleoToken;
    private String anaToken;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.http = http;
        cleoToken = lore.person("cleo", "Cleo Park", "Data", Role.CONTRIBUTOR);
        anaToken = lore.person("ana", "Ana Silva", "Streaming", Role.CONTRIBUTOR);
        cleo = http.browserSession("cleo", TestLore.PASSWORD);
    }

    @Test
    void theInboxPollsAFragmentThatShowsWhatArrivedSinceTheLoadWithTheBellCount() {
        String page = http.getWithCookies("/notifications", cleo).body();
        assertThat(page)
                .contains("hx-get=\"/notifications/live\" hx-trigger=\"every 15s\"")
                .contains("hx-get=\"/notifications/count\" hx-trigger=\"every 30s\"")
                .contains("0 unread")
                .contains("Nothing yet.");

        var q = http.post(
                "/api/questions",
                Map.of("title", "Where are the runbooks?", "markdown", "?", "skills", List.of()),
                cleoToken);
        assertThat(q.status()).as(q.body()).isEqualTo(201);
        var a = http.post(
                "/api/questions/" + q.json().get("id").asText() + "/answers",
                Map.of("markdown", "In the wiki."),
                anaToken);
        assertThat(a.status()).as(a.body()).isEqualTo(201);

        var live = http.getWithCookies("/notifications/live", cleo);

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.header("Cache-Control")).contains("no-store");
        assertThat(live.body())
                .doesNotContain("<html")
                .contains("hx-swap-oob=\"innerHTML:.top-nav .bell-count\">1</span>")
                .contains("1 unread")
                .contains("Ana Silva answered")
                .contains("Where are the runbooks?")
                .contains("name=\"_csrf\" value=\"" + Http.csrfOf(cleo) + "\"");

        // the fragment's own "Mark all read" form works like the page's
        var read = http.form("/notifications/read", Map.of("_csrf", Http.csrfOf(cleo), "all", "true"), cleo);
        assertThat(read.status()).isEqualTo(303);
        assertThat(http.getWithCookies("/notifications/live", cleo).body())
                .contains(">0</span>")
                .contains("0 unread");
    }

    @Test
    void olderPagesDoNotPollAndTheFragmentNeedsASignedInPerson() {
        assertThat(http.getWithCookies("/notifications?offset=50", cleo).body()).doesNotContain("/notifications/live");
        assertThat(http.get("/notifications/live").status()).isIn(302, 303, 401);
    }
}
