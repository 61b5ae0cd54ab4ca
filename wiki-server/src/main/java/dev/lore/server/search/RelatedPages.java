package dev.lore.server.search;

import dev.lore.graph.article.Article;
import dev.lore.indexer.LoreIndex;
import dev.lore.server.article.ArticleService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Pages that say something close to an article's, by the meaning of its passages (its vector
 * neighbours in the index): shown on the article and at {@code GET /api/articles/{slug}/related}.
 * Empty when Lore runs without the embedding model, or until the article's vectors are in.
 * Thread-safe.
 */
public final class RelatedPages {
    /** How many pages an article shows. */
    static final int SHOWN = 5;

    /** A related page: its address key, title and how close it is (cosine similarity, -1 to 1). */
    public record Related(String slug, String title, float similarity) {}

    private final LoreIndex index;
    private final ArticleService articles;

    public RelatedPages(LoreIndex index, ArticleService articles) {
        this.index = index;
        this.articles = articles;
    }

    /** The pages nearest in meaning to {@code article}, best first. Hidden pages are not in the index. */
    public List<Related> of(Article article, int n) {
        return index.relatedTo("article:" + article.id(), List.of("article"), n).stream()
                .map(s -> new Related(s.slug(), s.title(), s.score()))
                .toList();
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/articles/{slug}/related", this::api);
    }

    private void api(Context ctx) {
        // a hidden or missing page is a 404, as the page itself
        Article article = articles.find(ctx.pathParam("slug")).article();
        ctx.json(Map.of("related", of(article, SHOWN)));
    }
}
