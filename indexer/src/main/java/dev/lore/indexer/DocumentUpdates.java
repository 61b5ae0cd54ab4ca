package dev.lore.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * Adds or replaces a batch of documents, several at a time when the batch is large: Lucene's
 * writer indexes from several threads at once (each into a segment of its own), and turning text
 * into terms is almost all of what a fresh index build costs. A handful of documents (a save) is
 * written on the caller's thread. A batch in which an id comes twice is written in order, on the
 * caller's thread.
 */
final class DocumentUpdates implements AutoCloseable {
    /** Below this many documents per thread, handing work to other threads costs more than it saves. */
    private static final int PER_THREAD = 16;

    private final IndexWriter writer;
    private final ExecutorService pool;
    private volatile int threads;

    DocumentUpdates(IndexWriter writer, int threads) {
        this.writer = writer;
        this.pool = Executors.newCachedThreadPool(
                Thread.ofPlatform().name("lore-index-writer-", 0).daemon(true).factory());
        threads(threads);
    }

    /** How many threads write a large batch, the caller's included (1: the caller alone). */
    void threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one thread writes, was " + count);
        }
        this.threads = count;
    }

    /** Adds or replaces each of {@code docs} (by id), converted by {@code toDocument}; all are written when this returns. */
    void update(List<IndexDoc> docs, Function<IndexDoc, Document> toDocument) throws IOException {
        int parts = Math.min(threads, docs.size() / PER_THREAD);
        if (parts <= 1 || !distinct(docs)) { // the same id twice: the later one must win, so in order
            write(docs, toDocument);
            return;
        }
        int size = (docs.size() + parts - 1) / parts;
        var others = new ArrayList<Future<?>>();
        for (int from = size; from < docs.size(); from += size) {
            List<IndexDoc> part = docs.subList(from, Math.min(docs.size(), from + size));
            others.add(pool.submit(() -> {
                write(part, toDocument);
                return null;
            }));
        }
        Throwable failed = null;
        try {
            write(docs.subList(0, size), toDocument);
        } catch (IOException | RuntimeException e) {
            failed = e;
        }
        for (Future<?> other : others) { // every part ends before this returns, failed or not
            try {
                other.get();
            } catch (ExecutionException e) {
                failed = failed == null ? e.getCause() : failed;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = failed == null ? e : failed;
            }
        }
        if (failed instanceof IOException io) {
            throw io;
        } else if (failed instanceof RuntimeException re) {
            throw re;
        } else if (failed != null) {
            throw new UncheckedIOException(new IOException("cannot write to the search index", failed));
        }
    }

    private static boolean distinct(List<IndexDoc> docs) {
        var ids = new java.util.HashSet<String>(docs.size() * 2);
        for (IndexDoc doc : docs) {
            if (!ids.add(doc.id())) {
                return false;
            }
        }
        return true;
    }

    private void write(List<IndexDoc> docs, Function<IndexDoc, Document> toDocument) throws IOException {
        for (IndexDoc doc : docs) {
            writer.updateDocument(new Term(Fields.ID, doc.id()), toDocument.apply(doc));
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
