package dev.lore.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A champion hands over the pages of a person who left, in a real browser: the queue shows each
 * page with proposed owners and why, one click offers it, the person asked accepts from the
 * handover page they reach from their inbox, and a page nobody should keep is marked for archiving.
 */
@ExtendWith({TestLore.class, BrowserExtension.class})
class HandoverJourneyIT {
    @Test
    void aChampionHandsOverThePagesOfAPersonWhoLeft(TestLore.Running lore, Http http, Browser browser) {
        String admin = http.login("admin", TestLore.PASSWORD);
        lore.person("chris", "Chris Champion", "Enablement", Role.CHAMPION);
        String dana = lore.person("dana", "Dana Okoye", "Platform", Role.CONTRIBUTOR);
        String eli = lore.person("eli", "Eli Novak", "Platform", Role.CONTRIBUTOR);
        var runbook = http.post(
                "/api/articles",
                Map.of(
                        "title", "Payments runbook",
                        "markdown",
                                "Restart the payments worker with the deploy tool.\n\nPage the on-call engineer first.\n",
                        "skills", List.of("Payments"),
                        "owner", "dana"),
                dana);
        assertThat(runbook.status()).as(runbook.body()).isEqualTo(201);
        var edited = http.put(
                "/api/articles/payments-runbook",
                Map.of(
                        "markdown",
                        "Restart the payments worker with the deploy tool.\n\nPage the on-call engineer first.\n\n"
                                + "Check the settlement queue depth before and after.\n",
                        "baseRevision",
                        1),
                eli);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        var notes = http.post(
                "/api/articles",
                Map.of("title", "Scratch notes", "markdown", "Things to look at some day.\n", "owner", "dana"),
                dana);
        assertThat(notes.status()).as(notes.body()).isEqualTo(201);
        assertThat(http.put("/api/people/dana/availability", Map.of("status", "inactive"), admin)
                        .status())
                .isEqualTo(200);
        lore.settle();

        browser.signIn("chris", TestLore.PASSWORD);
        browser.open("/notifications");
        assertThat(browser.text()).contains("Dana Okoye left");
        browser.open("/handover");
        assertThat(browser.heading()).isEqualTo("Handover");
        WebElement page = browser.find("#page-payments-runbook");
        assertThat(page.getText())
                .contains("Owner Dana Okoye left")
                .contains("Eli Novak")
                .contains("Wrote 33% of it");
        browser.clickAndWait(
                page.findElement(By.cssSelector("button[aria-label^='Offer Payments runbook to Eli Novak']")));
        assertThat(browser.find("#page-payments-runbook").getText())
                .contains("Offered to Eli Novak, waiting for their answer");

        WebElement scratch = browser.find("#page-scratch-notes");
        browser.clickAndWait(scratch.findElement(By.cssSelector("button[aria-label^='Mark']")));
        assertThat(browser.findAll("#page-scratch-notes")).isEmpty();
        assertThat(browser.text()).contains("Marked for archiving (1)");
        assertThat(browser.accessibilityProblems()).isEmpty();
        browser.screenshot("handover-queue");
        browser.signOut();

        browser.signIn("eli", TestLore.PASSWORD);
        browser.open("/notifications");
        browser.clickAndWait(browser.link("Payments runbook"));
        assertThat(browser.path()).isEqualTo("/handover");
        WebElement offer = browser.find(".handover-offer");
        assertThat(offer.getText()).contains("Payments runbook").contains("Wrote 33% of it");
        browser.clickAndWait(offer.findElement(By.cssSelector("button[aria-label^='Accept']")));
        assertThat(browser.path()).isEqualTo("/wiki/payments-runbook");
        assertThat(browser.text()).contains("Owner: Eli Novak");
        assertThat(http.get("/api/handover", admin).json().get("queue")).isEmpty();
        assertThat(http.get("/api/articles/payments-runbook", eli)
                        .json()
                        .get("owner")
                        .asText())
                .isEqualTo("eli");
    }
}
