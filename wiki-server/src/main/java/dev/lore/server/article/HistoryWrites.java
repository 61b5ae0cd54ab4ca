package dev.lore.server.article;

import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.article.Article;
import dev.lore.graph.article.ArticleWrite;
import dev.lore.graph.article.HistoryBatch;
import dev.lore.graph.article.HistoryBatch.Saved;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.markdown.MarkdownRenderer;
import dev.lore.server.markdown.Slugs;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Saves replayed from a history, validated as {@link ArticleService}'s saves are and written
 * together by a {@link HistoryBatch}: for imports. Use inside {@link ArticleService#inOneTransaction}
 * and {@link #flush} before it ends. Not thread-safe.
 */
public final class HistoryWrites {
    private final HistoryBatch batch;
    private final MarkdownRenderer markdown;

    HistoryWrites(HistoryBatch batch, MarkdownRenderer markdown) {
        this.batch = batch;
        this.markdown = markdown;
    }

    /** Loads the articles with these ids in one query, ahead of saving them. */
    public void preload(Collection<String> articleIds) {
        batch.preload(articleIds);
    }

    /** Creates an article as of {@code at}, as {@link ArticleService#create(ArticleInput, String, Instant)} does. */
    public Saved create(ArticleInput input, String authorId, Instant at) {
        ArticleWrite write = ArticleWrites.toWrite(markdown, input, Optional.empty(), authorId, at, "Created");
        return batch.create(Slugs.slugify(write.title()), write);
    }

    /** Saves a new revision of live article {@code articleId} on top of the latest one. */
    public Saved update(String articleId, ArticleInput input, String authorId, Instant at) {
        Article current = batch.current(articleId).orElseThrow(() -> notFound(articleId));
        ArticleWrite write = ArticleWrites.toWrite(markdown, input, Optional.of(current), authorId, at, "Edited");
        try {
            return batch.update(articleId, write);
        } catch (NoSuchEntityException e) {
            throw notFound(articleId);
        }
    }

    /** Deletes live article {@code articleId} as of {@code at}. */
    public void delete(String articleId, String byPersonId, Instant at) {
        try {
            batch.delete(articleId, byPersonId, at);
        } catch (NoSuchEntityException e) {
            throw notFound(articleId);
        }
    }

    /** Writes every save made so far. */
    public void flush() {
        batch.flush();
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no live article with id '" + id + "'");
    }
}
