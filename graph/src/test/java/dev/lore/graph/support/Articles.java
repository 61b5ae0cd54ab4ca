package dev.lore.graph.support;

import dev.lore.graph.Graph;
import dev.lore.graph.article.Article;
import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.article.ArticleWrite;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Articles for store tests: the slug is the title, lowercased, with dashes. */
public final class Articles {
    private Articles() {}

    public static Article add(Graph graph, String author, String title, Instant at) {
        String slug = title.toLowerCase(Locale.ROOT).replace(' ', '-');
        return new ArticleStore(graph)
                .create(
                        slug,
                        new ArticleWrite(
                                title,
                                slug,
                                "About " + title + ".",
                                List.of(),
                                List.of(),
                                Optional.empty(),
                                List.of(),
                                "",
                                author,
                                at));
    }
}
