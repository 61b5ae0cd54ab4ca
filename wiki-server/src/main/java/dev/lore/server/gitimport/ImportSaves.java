package dev.lore.server.gitimport;

import dev.lore.graph.article.Article;
import dev.lore.graph.article.HistoryBatch.Saved;
import dev.lore.graph.article.StaleRevisionException;
import dev.lore.graph.gitimport.GitImportStore;
import dev.lore.graph.gitimport.GitImportStore.TrackedFile;
import dev.lore.server.article.ArticleInput;
import dev.lore.server.article.ArticleService;
import dev.lore.server.article.HistoryWrites;
import dev.lore.server.error.NotFoundException;
import java.time.Instant;
import java.util.Collection;

/**
 * How one batch of the Git import writes its saves. {@link #batched} keeps them in memory and
 * writes them together when the batch ends; {@link #oneByOne} saves each through {@link
 * ArticleService} as an edit in the web page would (several statements per revision), and is kept
 * as the reference the batched writes are compared with.
 */
interface ImportSaves {
    /** The articles with these ids are about to be saved; loading them together saves round trips. */
    void preload(Collection<String> articleIds);

    /** Pages may be created from these inputs; reading their possible slugs together saves round trips. */
    void preloadSlugs(Collection<ArticleInput> inputs);

    Saved create(ArticleInput input, String authorId, Instant at);

    /** Saves on top of the revision last seen; if someone edited in Lore meanwhile, on top of theirs. */
    Saved update(TrackedFile file, ArticleInput input, String authorId, Instant at);

    /** @throws NotFoundException if the article is no longer live */
    void delete(TrackedFile file, String authorId, Instant at);

    /** Writes what is still pending; called before the batch's transaction ends. */
    void flush();

    /**
     * @param writeCreatesAtOnce whether a new page's node is written at once (attachments look the
     *     page up in the graph) rather than with the batch
     */
    static ImportSaves batched(ArticleService articles, boolean writeCreatesAtOnce) {
        HistoryWrites writes = articles.historyWrites();
        return new ImportSaves() {
            @Override
            public void preload(Collection<String> articleIds) {
                writes.preload(articleIds);
            }

            @Override
            public void preloadSlugs(Collection<ArticleInput> inputs) {
                writes.preloadSlugs(inputs);
            }

            @Override
            public Saved create(ArticleInput input, String authorId, Instant at) {
                Saved created = writes.create(input, authorId, at);
                if (writeCreatesAtOnce) {
                    writes.writeCreated();
                }
                return created;
            }

            @Override
            public Saved update(TrackedFile file, ArticleInput input, String authorId, Instant at) {
                return writes.update(file.articleId(), input, authorId, at);
            }

            @Override
            public void delete(TrackedFile file, String authorId, Instant at) {
                writes.delete(file.articleId(), authorId, at);
            }

            @Override
            public void flush() {
                writes.flush();
            }
        };
    }

    static ImportSaves oneByOne(ArticleService articles, GitImportStore store, String repositoryKey) {
        return new ImportSaves() {
            @Override
            public void preload(Collection<String> articleIds) {}

            @Override
            public void preloadSlugs(Collection<ArticleInput> inputs) {}

            @Override
            public Saved create(ArticleInput input, String authorId, Instant at) {
                Article created = articles.create(input, authorId, at);
                return new Saved(created.id(), created.slug(), created.revision(), true);
            }

            @Override
            public Saved update(TrackedFile file, ArticleInput input, String authorId, Instant at) {
                Article after;
                try {
                    after = articles.update(file.slug(), file.revision(), input, authorId, at);
                } catch (StaleRevisionException | NotFoundException e) {
                    TrackedFile fresh = store.trackedFiles(repositoryKey).get(file.path());
                    if (fresh == null || !fresh.live()) {
                        throw e;
                    }
                    after = articles.update(fresh.slug(), fresh.revision(), input, authorId, at);
                }
                return new Saved(after.id(), after.slug(), after.revision(), after.revision() != file.revision());
            }

            @Override
            public void delete(TrackedFile file, String authorId, Instant at) {
                articles.delete(file.slug(), authorId, at);
            }

            @Override
            public void flush() {}
        };
    }
}
