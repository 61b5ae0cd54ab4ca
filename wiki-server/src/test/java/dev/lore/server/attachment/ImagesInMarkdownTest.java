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
    void dropsAnImageWithAScriptAddress() {
        String html = markdown.render("![x](javascript:alert(1))", Map.of()).html();
        assertThat(html).doesNotContain("javascript");
    }
}
