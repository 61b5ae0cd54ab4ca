package dev.lore.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.support.TestLore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The accessibility check itself: it must report what axe finds, or every clean page proves nothing. */
@ExtendWith({TestLore.class, BrowserExtension.class})
class AccessibilityCheckIT {

    @Test
    void aPageWithAnImageWithoutTextAndUnreadableGreyIsReported(Browser browser) {
        browser.driver()
                .get("data:text/html,<!doctype html><html lang=en><title>t</title><main>"
                        + "<img src='data:,x'><p style='color:%23eee;background:%23fff'>faint</p></main>");

        List<String> all = browser.accessibilityProblems();
        List<String> colours = browser.accessibilityProblems(List.of("color-contrast"));

        assertThat(all).anyMatch(p -> p.startsWith("critical image-alt"));
        assertThat(all).anyMatch(p -> p.startsWith("serious color-contrast") && p.contains("[\"p\"]"));
        assertThat(colours).hasSize(1).allMatch(p -> p.contains("color-contrast"));
    }
}
