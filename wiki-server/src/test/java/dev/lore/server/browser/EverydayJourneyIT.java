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

        browser.phone().open("/");
        assertThat(browser.find(".top-nav").isDisplayed()).isFalse();
        assertThat(browser.find(".phone-menu summary").isDisplayed()).isTrue();
        assertThat(browser.find(".top").getRect().getHeight()).isLessThan(140);
        assertThat(browser.scrollsSideways()).isFalse();
        assertThat(browser.accessibilityProblems()).isEmpty();

        browser.javaScript(false).open("/");
        browser.find(".phone-menu summary").click();
        WebElement review = browser.find(".phone-menu a[href='/moderation']");
        assertThat(review.isDisplayed()).as("the menu opens without JavaScript").isTrue();
        browser.clickAndWait(review);
        assertThat(browser.path()).isEqualTo("/moderation");
        browser.javaScript(true).desktop();
    }

    @Test
    void contentsStaysClearOfTheSidebarAndComesFirstInTabOrder(Http http, Browser browser) {
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        var body = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
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

        long articleHeight =
                ((Number) js(browser, "return document.querySelector('.article').offsetHeight")).longValue();
        assertThat(articleHeight).as("an article long enough to scroll").isGreaterThan(3000);
        for (long y : List.of(0L, 800L, articleHeight / 2, articleHeight - 600, articleHeight + 2000)) {
            js(browser, "window.scrollTo({top: arguments[0], behavior: 'instant'})", y);
            Object overlapping = js(
                    browser,
                    "const t = document.querySelector('nav.toc').getBoundingClientRect();"
                            + "return [...document.querySelectorAll('aside.sidebar > section, aside.sidebar > nav')]"
                            + ".filter(b => { const r = b.getBoundingClientRect();"
                            + " return t.top < r.bottom && r.top < t.bottom && t.left < r.right && r.left < t.right; })"
                            + ".map(b => b.textContent.trim().slice(0, 30));");
            assertThat((List<?>) overlapping)
                    .as("boxes under Contents at scroll " + y)
                    .isEmpty();
        }
        js(browser, "window.scrollTo({top: 0, behavior: 'instant'})");
        long natural = ((Number) js(
                        browser,
                        "return document.querySelector('nav.toc').getBoundingClientRect().top + window.scrollY"))
                .longValue();
        assertThat(natural + 600).as("room to scroll past Contents").isLessThan(articleHeight);
        js(browser, "window.scrollTo({top: arguments[0], behavior: 'instant'})", natural + 500);
        Number top = (Number) js(browser, "return document.querySelector('nav.toc').getBoundingClientRect().top");
        assertThat(top.doubleValue())
                .as("Contents sticks near the top while reading")
                .isBetween(0.0, 200.0);
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
