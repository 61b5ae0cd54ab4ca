package dev.lore.server.article;

import dev.lore.graph.article.Article;
import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.article.ArticleWrite;
import dev.lore.server.markdown.MarkdownRenderer;
import dev.lore.server.markdown.Slugs;
import dev.lore.server.search.CreatedArticles;
import dev.lore.server.search.IndexSync;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bulk create behind {@link ArticleService#createBatch}: every page is parsed once, for its wiki
 * links before the graph write and for its index text after it; the graph takes the whole batch in
 * one transaction ({@link ArticleStore#createBatch}), and the index takes the written articles as
 * they are, without reading them back ({@link IndexSync#catchUp(CreatedArticles)}).
 */
final class BatchCreate {
    private BatchCreate() {}

    static List<Article> create(
            ArticleStore store,
            MarkdownRenderer markdown,
            IndexSync index,
            List<ArticleInput> inputs,
            List<String> authorIds,
            Instant at) {
        var writes = new ArrayList<Map.Entry<String, ArticleWrite>>(inputs.size());
        var pages = new ArrayList<MarkdownRenderer.Parsed>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ArticleInput input = inputs.get(i);
            ArticleWrite write = ArticleWrites.toWrite(input, Optional.empty(), authorIds.get(i), at, "Created", () -> {
                pages.add(markdown.parse(input.markdown()));
                return pages.getLast().wikiLinks();
            });
            writes.add(Map.entry(Slugs.slugify(write.title()), write));
        }
        List<Article> created = store.createBatch(writes);
        if (created.isEmpty()) {
            return created;
        }
        var texts = new HashMap<String, MarkdownRenderer.IndexText>();
        for (int i = 0; i < created.size(); i++) {
            texts.put(created.get(i).id(), pages.get(i).forIndex(created.get(i).title()));
        }
        index.catchUp(new CreatedArticles(created.getFirst().seq(), created, texts));
        return created;
    }
}
