package dev.lore.server.search;

import dev.lore.graph.article.Article;
import dev.lore.graph.article.ArticleStore;
import dev.lore.indexer.IndexDoc;
import dev.lore.indexer.LoreIndex;
import dev.lore.server.markdown.MarkdownRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves committed graph changes into the search index, in change-sequence order, from the last
 * sequence number the index reached. Called right after every local write (so a writer finds
 * their edit at once) and on a timer, which also commits the index (and picks up writes made by
 * other replicas). Thread-safe.
 */
public final class IndexSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexSync.class);
    private static final int BATCH = 500;

    private final ArticleStore articles;
    private final LoreIndex index;
    private final MarkdownRenderer markdown;
    private ScheduledExecutorService timer;

    public IndexSync(ArticleStore articles, LoreIndex index, MarkdownRenderer markdown) {
        this.articles = articles;
        this.index = index;
        this.markdown = markdown;
    }

    /** Applies every change committed after the index's sequence; returns how many were applied. */
    public synchronized int catchUp() {
        int applied = 0;
        while (true) {
            List<Article> changes = articles.changesSince(index.appliedSeq(), BATCH);
            if (changes.isEmpty()) {
                return applied;
            }
            var upserts = new ArrayList<IndexDoc>();
            var deletes = new ArrayList<String>();
            for (Article article : changes) {
                if (article.deleted()) {
                    deletes.add(docId(article));
                } else {
                    upserts.add(toDoc(article));
                }
            }
            index.apply(upserts, deletes, changes.getLast().seq());
            applied += changes.size();
        }
    }

    /** Empties the index and rebuilds it from the graph, durably. */
    public synchronized int rebuild() {
        index.clear();
        int applied = catchUp();
        index.commit();
        return applied;
    }

    /** Starts catching up every {@code periodMillis} on a named background thread. */
    public synchronized void startTimer(long periodMillis) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("lore-index-catchup").daemon(true).factory());
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        catchUp();
                        index.commit();
                    } catch (RuntimeException e) {
                        LOG.warn("Index catch-up failed, will retry: {}", e.toString());
                    }
                },
                periodMillis,
                periodMillis,
                TimeUnit.MILLISECONDS);
    }

    private IndexDoc toDoc(Article article) {
        return new IndexDoc(
                docId(article),
                "article",
                article.slug(),
                article.title(),
                markdown.plainText(article.markdown()),
                article.tags(),
                article.skills(),
                article.contributors(),
                article.updatedAt());
    }

    private static String docId(Article article) {
        return "article:" + article.id();
    }

    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
            timer = null;
        }
        if (t != null) {
            t.shutdownNow();
            try {
                t.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
