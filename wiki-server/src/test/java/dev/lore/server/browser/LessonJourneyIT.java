package dev.lore.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.support.TestLore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * A lesson learned in a real browser: written from the lesson template, shared by the team, and
 * read by someone else, who sees the team as its author and never the person.
 */
@ExtendWith({TestLore.class, BrowserExtension.class})
class LessonJourneyIT {
    private Browser browser;

    @BeforeEach
    void setUp(Browser browser) {
        this.browser = browser;
    }

    @Test
    void aLessonSharedByTheTeamIsAttributedToTheTeamForAReader() {
        browser.signIn("carla.contrib", TestLore.PASSWORD);
        browser.open("/lessons/new");
        assertThat(browser.find("#markdown").getDomProperty("value"))
                .contains("## What we tried")
                .contains("## What we would do next time");
        browser.fill("#title", "Dry runs that were not dry");
        browser.fill(
                "#markdown",
                "## What we tried\n\nA dry-run flag on the cleanup job.\n\n## What we learned\n\n"
                        + "The flag was ignored by one code path.");
        browser.fill("#skills", "Testing");
        browser.find("input[name=sharing][value=team]").click();
        assertThat(browser.find("fieldset.sharing").getText()).contains("Platform team");
        assertThat(browser.accessibilityProblems()).isEmpty();
        browser.clickAndWait(browser.find("form.lesson-editor button.primary"));

        assertThat(browser.path()).isEqualTo("/wiki/dry-runs-that-were-not-dry");
        assertThat(browser.find(".lesson-banner").getText())
                .contains("shared by Platform team")
                .contains("You wrote this");

        browser.signOut();
        browser.signIn("rudi.reader", TestLore.PASSWORD);
        browser.open("/wiki/dry-runs-that-were-not-dry");
        assertThat(browser.find(".lesson-banner").getText()).contains("shared by Platform team");
        String page = browser.text();
        assertThat(page).contains("Platform team").doesNotContain("Carla").doesNotContain("carla.contrib");
        browser.clickAndWait(browser.find(".saved-time button"));
        assertThat(browser.find(".saved-count").getText()).isEqualTo("1");
        browser.clickAndWait(browser.link("History (1 revision)"));
        assertThat(browser.text()).contains("Platform team").doesNotContain("Carla");
        browser.open("/search?q=type%3Alesson");
        assertThat(browser.find("main")
                        .findElement(By.partialLinkText("Dry runs"))
                        .isDisplayed())
                .isTrue();
        assertThat(browser.text()).doesNotContain("Carla");
        assertThat(browser.accessibilityProblems()).isEmpty();
    }
}
