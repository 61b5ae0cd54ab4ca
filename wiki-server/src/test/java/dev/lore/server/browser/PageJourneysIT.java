package dev.lore.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;

/**
 * The everyday wiki in a real browser: pages arranged in a tree and moved around it, an editor
 * that keeps what was typed when the tab closes, and a reader's suggested edit accepted by the
 * page's owner.
 */
@ExtendWith({TestLore.class, BrowserExtension.class})
class PageJourneysIT {
    private static final CharSequence END = Keys.chord(Keys.CONTROL, Keys.END);
    private Browser browser;
    private Http http;
    private String carla;

    @BeforeEach
    void setUp(Browser browser, Http http) {
        this.browser = browser;
        this.http = http;
        this.carla = http.login("carla.contrib", TestLore.PASSWORD);
        create("Engineering", "Where engineering keeps its pages.");
        create("Handbook", "How the company works.");
        create("Onboarding", "Start here. Then read [[Laptop setup]].");
        create("Laptop setup", "Install the JDK, Docker and the VPN client.");
    }

    private void create(String title, String markdown) {
        var r = http.post("/api/articles", Map.of("title", title, "markdown", markdown), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void movingAPageInTheTree() {
        assertThat(http.put("/api/articles/onboarding/parent", Map.of("parent", "engineering"), carla)
                        .status())
                .isEqualTo(200);
        assertThat(http.put("/api/articles/laptop-setup/parent", Map.of("parent", "onboarding"), carla)
                        .status())
                .isEqualTo(200);
        browser.signIn("carla.contrib", TestLore.PASSWORD);
        browser.open("/wiki/laptop-setup");
        assertThat(browser.find("nav.breadcrumbs").getText())
                .contains("Engineering")
                .contains("Onboarding");
        assertThat(browser.find("nav.page-tree").getText())
                .contains("Engineering")
                .contains("Laptop setup");

        browser.open("/wiki/onboarding");
        browser.clickAndWait(browser.link("Move"));
        browser.find("#parent")
                .findElement(By.xpath(".//option[normalize-space(.)='Handbook']"))
                .click();
        browser.clickAndWait(browser.find("form.move button.primary"));

        assertThat(browser.path()).isEqualTo("/wiki/onboarding");
        assertThat(browser.find("nav.breadcrumbs").getText())
                .contains("Handbook")
                .doesNotContain("Engineering");
        assertThat(browser.find("section.children").getText()).contains("Laptop setup");

        browser.clickAndWait(browser.find("section.children").findElement(By.linkText("Laptop setup")));
        assertThat(browser.find("nav.breadcrumbs").getText())
                .contains("Handbook")
                .contains("Onboarding");
        browser.clickAndWait(browser.find("nav.breadcrumbs").findElement(By.linkText("Handbook")));
        assertThat(browser.heading()).isEqualTo("Handbook");
        assertThat(browser.accessibilityProblems()).isEmpty();
    }

    @Test
    void draftRestoredAfterClosingTheTab() {
        browser.signIn("carla.contrib", TestLore.PASSWORD);
        browser.open("/wiki/laptop-setup/edit");
        browser.find("#markdown").sendKeys(END, "\n\nAlso install kubectl.");
        // the draft is on the server once the editor says so
        browser.waitUntil(d -> "saved".equals(browser.find("form.editor").getDomAttribute("data-draft-state")));

        WebDriver driver = browser.driver();
        String editorTab = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        String freshTab = driver.getWindowHandle();
        driver.switchTo().window(editorTab).close();
        driver.switchTo().window(freshTab);

        browser.open("/wiki/laptop-setup");
        browser.clickAndWait(browser.link("Edit"));
        assertThat(browser.find(".draft-restored").getText()).contains("Restored your unsaved changes");
        assertThat(browser.find("#markdown").getDomProperty("value")).contains("Also install kubectl.");
        assertThat(browser.accessibilityProblems()).isEmpty();

        browser.clickAndWait(browser.find("form.editor button.primary"));
        assertThat(browser.path()).isEqualTo("/wiki/laptop-setup");
        assertThat(browser.find(".markdown").getText()).contains("Also install kubectl.");
        browser.clickAndWait(browser.link("Edit"));
        assertThat(browser.findAll(".draft-restored")).isEmpty();
    }

    @Test
    void aReadersSuggestedEditAcceptedByTheOwner() {
        var r = http.post(
                "/api/articles",
                Map.of("title", "VPN access", "markdown", "Ask IT for a VPN account.", "owner", "carla.contrib"),
                carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);

        browser.signIn("rudi.reader", TestLore.PASSWORD);
        browser.open("/wiki/vpn-access");
        assertThat(browser.findAll("a[href='/wiki/vpn-access/edit']")).isEmpty();
        browser.clickAndWait(browser.link("Suggest an edit"));
        browser.fill("#markdown", "Request a VPN account in the self-service portal.");
        browser.fill("#message", "IT moved VPN requests to the portal");
        browser.clickAndWait(browser.find("form.suggest button.primary"));
        assertThat(browser.path()).startsWith("/suggestions/");
        String suggestion = browser.path();
        assertThat(browser.find("table.diff").getText()).contains("self-service portal");
        assertThat(browser.accessibilityProblems()).isEmpty();
        browser.signOut();

        browser.signIn("carla.contrib", TestLore.PASSWORD);
        browser.open("/suggestions");
        browser.clickAndWait(browser.find("a[href='" + suggestion + "']"));
        assertThat(browser.accessibilityProblems()).isEmpty();
        browser.clickAndWait(browser.find("form[action$='/accept'] button.primary"));
        assertThat(browser.path()).isEqualTo("/wiki/vpn-access");
        assertThat(browser.find(".markdown").getText()).contains("self-service portal");
        browser.signOut();

        browser.signIn("rudi.reader", TestLore.PASSWORD);
        browser.open("/notifications");
        assertThat(browser.text()).contains("accepted your suggested edit to").contains("VPN access");
        browser.open(suggestion);
        assertThat(browser.find(".suggestion-status").getText()).isEqualTo("accepted");
    }
}
