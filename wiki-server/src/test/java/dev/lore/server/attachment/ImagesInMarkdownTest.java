package dev.lore.server.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.markdown.HtmlSanitizer;
import dev.lore.server.markdown.MarkdownRenderer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An uploaded image shows in a page through plain Markdown, and its link stays on this server. */
class ImagesInMarkdownTest {
    private final MarkdownRenderer markdown = new MarkdownRenderer(new HtmlSanitizer());

    @Test
    void showsAnUploadedImageInline() {
        String html = markdown.render("![Deployment diagram](/files/7f3c/deploy.png)", Map.of())
                .html();
        assertThat(html).contains("<img src=\"/files/7f3c/deploy.png\" alt=\"Deployment diagram\"");
    }

    @Test
    void linksAnUploadedImageToItsFullSizeFile() {
        String html = markdown.render("See ![Deployment diagram](/files/7f3c/deploy.png) here.", Map.of())
                .html();
        var link = org.jsoup.Jsoup.parseBodyFragment(html).selectFirst("a.file-image");
        assertThat(link).isNotNull();
        assertThat(link.attr("href")).isEqualTo("/files/7f3c/deploy.png");
        assertThat(link.select("> img").attr("src")).isEqualTo("/files/7f3c/deploy.png");
    }

    @Test
    void leavesAnImageThatIsAlreadyALinkAlone() {
        String html = markdown.render("[![diagram](/files/7f3c/deploy.png)](/wiki/deploys)", Map.of())
                .html();
        var doc = org.jsoup.Jsoup.parseBodyFragment(html);
        assertThat(doc.select("a")).hasSize(1);
        assertThat(doc.select("a").attr("href")).isEqualTo("/wiki/deploys");
        assertThat(doc.select("a > img")).hasSize(1);
    }

    @Test
    void dropsAnImageWithAScriptAddress() {
        String html = markdown.render("![x](javascript:alert(1))", Map.of()).html();
        assertThat(html).doesNotContain("javascript");
    }
}
