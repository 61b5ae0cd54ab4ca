package dev.lore.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.article.ArticleInput;
import dev.lore.server.auth.Role;
import dev.lore.server.support.TestLore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Content that looks alive, in a real browser: a champion verifies stale pages in bulk (on a phone
 * too), and a search that found nothing becomes a question.
 */
@ExtendWith({TestLore.class, BrowserExtension.class})
class AliveJourneysIT {

    private static void oldPage(TestLore.Running lore, String title) {
        lore.lore()
                .articles()
                .create(
                        new ArticleInput(
                                Optional.of(title),
                                "Steps that may have changed since.",
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("carla.contrib"),
                                Optional.empty()),
                        "carla.contrib",
                        Instant.now().minus(Duration.ofDays(300)));
    }

    /** Ticks a checkbox scrolled to the middle of the screen, clear of the sticky header. */
    private static void tick(Browser browser, String css) {
        WebElement box = browser.find(css);
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", box);
        box.click();
        assertThat(box.isSelected()).isTrue();
    }

    @Test
    void aChampionVerifiesSeveralStalePagesAtOnceOnAPhoneAndStaysOnTheList(TestLore.Running lore, Browser browser) {
        oldPage(lore, "VPN setup");
        oldPage(lore, "Office wifi");
        oldPage(lore, "Printer setup");
        lore.person("cora.champion", "Cora Champion", "Enablement", Role.CHAMPION);

        browser.phone().signIn("cora.champion", TestLore.PASSWORD);
        browser.open("/curation/stale");
        assertThat(browser.scrollsSideways()).isFalse();
        tick(browser, "input[value='vpn-setup']");
        tick(browser, "input[value='printer-setup']");
        WebElement verify = browser.find("button[name=bulk]");
        assertThat(verify.isDisplayed()).isTrue();
        browser.clickAndWait(verify);

        assertThat(browser.path()).isEqualTo("/curation/stale?verified=2");
        assertThat(browser.find(".notice").getText()).contains("Verified 2 pages.");
        assertThat(browser.find(".stale-list").getText())
                .contains("Office wifi")
                .doesNotContain("VPN setup")
                .doesNotContain("Printer setup");
        assertThat(browser.scrollsSideways()).isFalse();
        assertThat(browser.accessibilityProblems()).isEmpty();
        browser.desktop();
    }

    @Test
    void aSearchThatFindsNothingBecomesAQuestion(Browser browser) {
        browser.signIn("rudi.reader", TestLore.PASSWORD);
        browser.open("/search?q=quantum+teleportation");
        assertThat(browser.text()).contains("No page matches");
        assertThat(browser.accessibilityProblems()).isEmpty();

        browser.clickAndWait(browser.link("Ask this as a question"));

        assertThat(browser.path()).isEqualTo("/questions/new?title=quantum+teleportation");
        assertThat(browser.find("#title").getAttribute("value")).isEqualTo("quantum teleportation");
        browser.fill("#markdown", "Does anyone here work on this?");
        browser.clickAndWait(browser.find("button[value=post]"));
        assertThat(browser.path()).startsWith("/questions/");
        assertThat(browser.heading()).isEqualTo("quantum teleportation");
    }
}
