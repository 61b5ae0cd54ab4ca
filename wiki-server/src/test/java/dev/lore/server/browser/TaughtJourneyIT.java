package dev.lore.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "This taught me something" in a real browser: a reader marks a page with what they learned, the
 * author finds it in their inbox and on their profile, and the reader can take it back.
 */
@ExtendWith({TestLore.class, BrowserExtension.class})
class TaughtJourneyIT {
    @Test
    void aReaderMarksAPageAsTaughtMeAndTheAuthorSeesItOnTheirProfile(Browser browser, Http http) {
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        var r = http.post(
                "/api/articles",
                Map.of("title", "Kafka retries", "markdown", "Retry with backoff, and add jitter."),
                carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);

        browser.signIn("rudi.reader", TestLore.PASSWORD);
        browser.open("/wiki/kafka-retries");
        assertThat(browser.find(".taught-count").getText()).contains("Nobody has said");
        browser.fill("input[name='note']", "why retries need a jitter");
        browser.clickAndWait(browser.find("form.taught-form button"));
        assertThat(browser.path()).isEqualTo("/wiki/kafka-retries");
        assertThat(browser.find(".taught-count").getText()).isEqualTo("1 person learned something from this.");
        assertThat(browser.find(".taught-notes").getText())
                .contains("Rudi Reader")
                .contains("why retries need a jitter");
        assertThat(browser.find(".taught-me").getText()).contains("You learned something from this");
        assertThat(browser.accessibilityProblems()).isEmpty();

        browser.open("/people/carla.contrib");
        assertThat(browser.find("#learned-from").getText())
                .contains("What people learned from")
                .contains("Rudi Reader learned from Kafka retries")
                .contains("why retries need a jitter");
        browser.signOut();

        browser.signIn("carla.contrib", TestLore.PASSWORD);
        browser.open("/notifications");
        assertThat(browser.text()).contains("learned something from your page").contains("Kafka retries");
        browser.open("/people/carla.contrib");
        assertThat(browser.find("#learned-from").getText())
                .contains("What people learned from you")
                .contains("why retries need a jitter");
        assertThat(browser.accessibilityProblems()).isEmpty();
        browser.open("/wiki/kafka-retries");
        assertThat(browser.findAll("form.taught-form")).isEmpty(); // not on one's own page
        browser.signOut();

        browser.signIn("rudi.reader", TestLore.PASSWORD);
        browser.open("/wiki/kafka-retries");
        browser.clickAndWait(browser.find("form.taught-form button"));
        assertThat(browser.find(".taught-count").getText()).contains("Nobody has said");
    }
}
