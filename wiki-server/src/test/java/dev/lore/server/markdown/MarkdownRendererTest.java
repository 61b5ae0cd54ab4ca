package dev.lore.server.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {
    private final MarkdownRenderer markdown = new MarkdownRenderer(new HtmlSanitizer());

    private String html(String text) {
        return markdown.render(text, Map.of()).html();
    }

    @Test
    void rendersGithubFlavouredExtensions() {
        String html = html("""
                # Setup guide

                | step | command |
                |------|---------|
                | 1    | `make`  |

                - [x] install JDK
                - [ ] run tests

                ~~old way~~ and https://example.com
                """);
        assertThat(html).contains("<h1 id=\"setup-guide\">Setup guide</h1>");
        assertThat(html).contains("<table>").contains("<td><code>make</code></td>");
        assertThat(html)
                .contains("<input type=\"checkbox\" disabled checked aria-label=\"install JDK\">")
                .contains("<input type=\"checkbox\" disabled aria-label=\"run tests\">");
        assertThat(html).contains("<del>old way</del>");
        assertThat(html)
                .contains(
                        "<a href=\"https://example.com\" rel=\"nofollow noopener noreferrer\">https://example.com</a>");
    }

    @Test
    void codeBlocksAndTablesCanBeScrolledFromTheKeyboard() {
        String html = html("""
                ```
                a very long line
                ```

                | step | command |
                |------|---------|
                | 1    | `make`  |
                """);
        assertThat(html).contains("<pre tabindex=\"0\"><code>a very long line");
        assertThat(html)
                .contains(
                        "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table 1: step, command\">"
                                + "<table>");
    }

    @Test
    void reportsHeadingsWithTheirAnchors() {
        var rendered = markdown.render("# One\n\n## Two words\n\n## Two words\n", Map.of());
        assertThat(rendered.headings()).extracting(Heading::anchor).containsExactly("one", "two-words", "two-words-1");
    }

    @Test
    void leavesOutALeadingHeadingThatRepeatsThePageTitle() {
        var rendered = markdown.render("# Kafka basics\n\nText\n\n# Kafka basics\n", Map.of(), "Kafka Basics");
        assertThat(rendered.html()).startsWith("<p>Text</p>").contains("<h1 id=\"kafka-basics");
        assertThat(markdown.render("# Other\n\nText", Map.of(), "Kafka basics").html())
                .startsWith("<h1");
    }

    @Test
    void frontMatterIsNotRendered() {
        assertThat(html("---\ntitle: Hidden\ntags: [a]\n---\nVisible").strip()).isEqualTo("<p>Visible</p>");
    }

    @Test
    void wikiLinksResolveByKeyOrOfferToCreateThePage() {
        String html = markdown.render(
                        "See [[Kafka Basics]], [[Kafka Basics|the basics]] and [[Nowhere]]. `[[not a link]]`",
                        Map.of("kafka-basics", "kafka-basics"))
                .html();
        assertThat(html).contains("<a href=\"/wiki/kafka-basics\" class=\"wiki-link\">Kafka Basics</a>");
        assertThat(html).contains("<a href=\"/wiki/kafka-basics\" class=\"wiki-link\">the basics</a>");
        assertThat(html).contains("href=\"/new?title=Nowhere\"").contains("class=\"wiki-missing\"");
        assertThat(html).contains("<code>[[not a link]]</code>");
    }

    @Test
    void collectsWikiLinkKeysOutsideCode() {
        assertThat(markdown.wikiLinks("[[A Page]] and [[b|B]]\n\n```\n[[in code]]\n```"))
                .extracting(WikiLink::key)
                .containsExactly("a-page", "b");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "<a href=\"javascript:alert(1)\">x</a>",
                "[x](javascript:alert(1))",
                "[x](JaVaScRiPt:alert(1))",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<div style=\"background:url(javascript:alert(1))\">x</div>",
                "<style>body{display:none}</style>",
                "<svg onload=alert(1)>",
                "<form action=/logout><button>x</button></form>",
                "<p onclick=\"alert(1)\">x</p>",
                "![x](javascript:alert(1))",
                "<object data=\"x\"></object><embed src=\"x\">",
                "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>",
                "<input type=\"text\" name=\"password\">"
            })
    void neverLetsScriptsHandlersOrStylesThrough(String attack) {
        String html = html(attack + "\n\nparagraph " + attack);
        assertThat(html.toLowerCase())
                .doesNotContain("<script")
                .doesNotContain("javascript:")
                .doesNotContain("onerror")
                .doesNotContain("onload")
                .doesNotContain("onclick")
                .doesNotContain("<iframe")
                .doesNotContain("style")
                .doesNotContain("<form")
                .doesNotContain("<object")
                .doesNotContain("<embed")
                .doesNotContain("data:text")
                .doesNotContain("type=\"text\"");
    }

    @Test
    void plainTextDropsMarkupAndKeepsLinkLabels() {
        String text = markdown.plainText("---\ntitle: T\n---\n# Head\n\nSome **bold** and [[Target|label]].");
        assertThat(text)
                .contains("Head")
                .contains("Some bold and label.")
                .doesNotContain("**")
                .doesNotContain("title");
    }

    @Test
    void plainTextWritesTablesWithoutPipes() {
        String text =
                markdown.plainText("Intro.\n\n| Who | What |\n|---|---|\n| Hannah | buddy |\n| Ana | VPN |\n\nAfter.");
        assertThat(text)
                .doesNotContain("|")
                .contains("Who · What")
                .contains("Hannah · buddy")
                .contains("Ana · VPN")
                .contains("After.");
    }
}
