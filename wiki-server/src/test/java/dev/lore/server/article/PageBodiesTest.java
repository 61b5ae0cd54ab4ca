package dev.lore.server.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.article.Article;
import dev.lore.server.markdown.HtmlSanitizer;
import dev.lore.server.markdown.MarkdownRenderer;
import dev.lore.server.markdown.Rendered;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PageBodiesTest {
    private final MarkdownRenderer markdown = new MarkdownRenderer(new HtmlSanitizer());
    private final AtomicInteger renders = new AtomicInteger();
    private final PageBodies bodies = new PageBodies(a -> {
        renders.incrementAndGet();
        return markdown.render(a.markdown(), Map.of(), a.title());
    });

    private static Article article(String id, int revision, String title, String text) {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        return new Article(
                id,
                "slug-" + id,
                title,
                false,
                revision,
                text,
                List.of(),
                List.of(),
                Optional.empty(),
                List.of(),
                at,
                at,
                1,
                false,
                List.of(),
                Article.ARTICLE);
    }

    @Test
    void servesTheKeptBodyWhileTheGraphVersionAndRevisionStayTheSame() {
        Rendered first = bodies.body(article("a", 1, "Runbook", "Restart *it*."), 7);
        Rendered again = bodies.body(article("a", 1, "Runbook", "Restart *it*."), 7);

        assertThat(again).isSameAs(first);
        assertThat(renders).hasValue(1);
        assertThat(first.html()).contains("<em>it</em>");
    }

    @Test
    void rendersAgainWhenTheGraphVersionMoves() {
        bodies.body(article("a", 1, "Runbook", "Restart it."), 7);

        bodies.body(article("a", 1, "Runbook", "Restart it."), 8);

        assertThat(renders).hasValue(2);
    }

    @Test
    void rendersAgainForANewRevisionTitleOrTextAtTheSameVersion() {
        bodies.body(article("a", 1, "Runbook", "Restart it."), 7);

        assertThat(bodies.body(article("a", 2, "Runbook", "Stop it."), 7).html())
                .contains("Stop it.");
        assertThat(bodies.body(article("a", 2, "Restart", "# Restart\nStop it."), 7)
                        .html())
                .doesNotContain("<h1");
        assertThat(bodies.body(article("a", 2, "Restart", "# Restart\nHalt it."), 7)
                        .html())
                .contains("Halt it.");
        assertThat(renders).hasValue(4);
    }

    @Test
    void keepsOneBodyPerArticle() {
        Rendered a = bodies.body(article("a", 1, "A", "Alpha."), 7);
        Rendered b = bodies.body(article("b", 1, "B", "Beta."), 7);

        assertThat(bodies.body(article("a", 1, "A", "Alpha."), 7)).isSameAs(a);
        assertThat(bodies.body(article("b", 1, "B", "Beta."), 7)).isSameAs(b);
        assertThat(renders).hasValue(2);
    }
}
