package dev.lore.server.article;

import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.article.Article;
import dev.lore.graph.article.ArticleWrite;
import dev.lore.graph.article.HistoryBatch;
import dev.lore.graph.article.HistoryBatch.Saved;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.markdown.FrontMatter;
import dev.lore.server.markdown.MarkdownRenderer;
import dev.lore.server.markdown.Slugs;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
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

    /**
     * Reads, in one query, the slugs that articles created from these inputs could take: creating
     * them then needs no query of its own. Inputs that turn out not to create anything cost nothing
     * but their share of the query.
     */
    public void preloadSlugs(Collection<ArticleInput> inputs) {
        var bases = new LinkedHashSet<String>();
        for (ArticleInput input : inputs) {
            input.title()
                    .filter(t -> !t.isBlank())
                    .or(() -> FrontMatter.parse(input.markdown()).title())
                    .map(Slugs::slugify)
                    .filter(b -> !b.isEmpty())
                    .ifPresent(bases::add);
        }
        batch.preloadSlugs(bases);
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

    /** Writes the new articles' nodes now, for work that looks them up in the graph (attachments). */
    public void writeCreated() {
        batch.writeCreated();
    }

    /** Writes every save made so far. */
    public void flush() {
        batch.flush();
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no live article with id '" + id + "'");
    }
}
