package dev.lore.server.search;

import dev.lore.graph.article.Article;
import dev.lore.server.markdown.MarkdownRenderer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Articles a bulk create just committed, all with change sequence number {@code seq}, with the index
 * text of each (by article id) from the parse the create made: what {@link IndexSync#catchUp(CreatedArticles)}
 * indexes without reading them back.
 */
public record CreatedArticles(long seq, List<Article> articles, Map<String, MarkdownRenderer.IndexText> texts) {
    public CreatedArticles {
        articles = List.copyOf(articles);
        texts = Map.copyOf(texts);
        for (Article a : articles) {
            if (a.seq() != seq) {
                throw new IllegalArgumentException(
                        "every article of a batch has its sequence number " + seq + ", " + a.id() + " has " + a.seq());
            }
        }
    }

    /** The index text of article {@code id}, if the create parsed it. */
    Optional<MarkdownRenderer.IndexText> text(String id) {
        return Optional.ofNullable(texts.get(id));
    }
}
