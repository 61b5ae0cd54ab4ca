package dev.lore.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The layout of the everyday wiki in a real browser: the champion's header keeps one row at laptop
 * width and folds into a menu on a phone; the sticky Contents box never covers the sidebar's other
 * boxes and comes before the page's text in tab order; path steps are numbered once; kudos confirm
 * themselves.
 */
@ExtendWith({TestLore.class, BrowserExtension.class})
class EverydayJourneyIT {

    private static Object js(Browser browser, String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }

    @Test
    void theChampionsHeaderIsOneRowOnALaptopAndAMenuOnAPhone(TestLore.Running lore, Browser browser) {
        lore.person("cora.champion", "Cora Champion", "Enablement", Role.CHAMPION);
        browser.signIn("cora.champion", TestLore.PASSWORD);
        browser.open("/");
        List<WebElement> items = browser.findAll(".top-nav > a, .top-nav > details, .top-nav > form");
        assertThat(items).hasSizeGreaterThan(6);
        long rows = items.stream()
                .map(e -> e.getRect().getY() + e.getRect().getHeight() / 2)
                .map(y -> y / 24)
                .distinct()
                .count();
        assertThat(rows).as("rows of the header's links").isEqualTo(1);
        assertThat(browser.find(".phone-menu").isDisplayed()).isFalse();
        browser.find(".top-nav .curate-menu summary").click();
        assertThat(browser.link("To verify").isDisplayed()).isTrue();
        assertThat(browser.accessibilityProblems()).isEmpty();

        browser.phone().javaScript(false).open("/");
        assertThat(browser.find(".top-nav").isDisplayed()).isFalse();
        WebElement menu = browser.find(".phone-menu summary");
        assertThat(menu.isDisplayed()).isTrue();
        assertThat(browser.find(".top").getRect().getHeight()).isLessThan(140);
        menu.click();
        WebElement review = browser.find(".phone-menu a[href='/moderation']");
        assertThat(review.isDisplayed()).isTrue();
        assertThat(browser.scrollsSideways()).isFalse();
        assertThat(browser.accessibilityProblems()).isEmpty();
        browser.clickAndWait(review);
        assertThat(browser.path()).isEqualTo("/moderation");
        browser.javaScript(true).desktop();
    }

    @Test
    void contentsStaysClearOfTheSidebarAndComesFirstInTabOrder(Http http, Browser browser) {
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        var body = new StringBuilder();
        for (int i = 1; i <= 14; i++) {
            body.append("## Part ").append(i).append("\n\n");
            body.append("A long paragraph about part ")
                    .append(i)
                    .append(". ".repeat(1))
                    .append("Words. ".repeat(120))
                    .append("\n\n");
        }
        var r = http.post(
                "/api/articles",
                Map.of(
                        "title", "Long handbook",
                        "markdown", body.toString(),
                        "skills", List.of("Kafka", "Docker", "Kubernetes"),
                        "tags", List.of("handbook", "long")),
                carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        browser.signIn("rudi.reader", TestLore.PASSWORD);
        browser.open("/wiki/long-handbook");

        WebElement toc = browser.find("nav.toc");
        for (int y : List.of(0, 1500, 4000, 8000)) {
            js(browser, "window.scrollTo(0, arguments[0])", y);
            var t = toc.getRect();
            for (WebElement box : browser.findAll("aside.sidebar > section, aside.sidebar > nav")) {
                var b = box.getRect();
                boolean overlaps = t.getY() < b.getY() + b.getHeight()
                        && b.getY() < t.getY() + t.getHeight()
                        && t.getX() < b.getX() + b.getWidth()
                        && b.getX() < t.getX() + t.getWidth();
                assertThat(overlaps)
                        .as("Contents over " + box.getText() + " at scroll " + y)
                        .isFalse();
            }
        }
        js(browser, "window.scrollTo(0, 6000)");
        assertThat(toc.getRect().getY()).as("Contents sticks in view").isBetween(0, 900);
        Object contentsFirst = js(
                browser,
                "return !!(document.querySelector('nav.toc a').compareDocumentPosition("
                        + "document.querySelector('.markdown')) & Node.DOCUMENT_POSITION_FOLLOWING)");
        assertThat(contentsFirst).isEqualTo(Boolean.TRUE);
        assertThat(browser.accessibilityProblems()).isEmpty();
    }

    @Test
    void kudosConfirmAndPathStepsAreNumberedOnce(TestLore.Running lore, Http http, Browser browser) {
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        http.post("/api/articles", Map.of("title", "Laptop setup", "markdown", "Install the JDK."), carla);
        String cora = lore.person("cora.champion", "Cora Champion", "Enablement", Role.CHAMPION);
        var path = http.post(
                "/api/paths",
                Map.of(
                        "title", "First week",
                        "level", "newcomer",
                        "steps", List.of(Map.of("kind", "article", "ref", "laptop-setup"))),
                cora);
        assertThat(path.status()).as(path.body()).isEqualTo(201);

        browser.signIn("rudi.reader", TestLore.PASSWORD);
        browser.open("/wiki/laptop-setup");
        browser.find("details.kudos summary").click();
        browser.fill("#kudos-note-laptop-setup", "Worked first time");
        browser.clickAndWait(browser.find(".kudos-form button"));
        assertThat(browser.find("#notice").getText()).contains("Kudos sent");
        assertThat(browser.find("details.kudos").getAttribute("open")).isNull();

        browser.open("/paths/" + path.json().get("id").asText());
        Object marker = js(browser, "return getComputedStyle(document.querySelector('.path-step')).listStyleType");
        assertThat(marker).isEqualTo("none");
        assertThat(browser.find(".path-step .step-number").getText()).startsWith("Step 1");
    }
}
