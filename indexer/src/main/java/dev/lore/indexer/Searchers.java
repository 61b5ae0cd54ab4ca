package dev.lore.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;

/**
 * The near-real-time searchers over an {@link IndexWriter}, each with Lore's {@link
 * LoreIndex#SIMILARITY}: every read acquires one, uses it and releases it in {@code finally}, here
 * and nowhere else. Thread-safe.
 */
final class Searchers implements AutoCloseable {
    /** A read of the index through one searcher. */
    interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final SearcherManager manager;

    Searchers(IndexWriter writer) throws IOException {
        this.manager = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                var searcher = new IndexSearcher(reader);
                searcher.setSimilarity(LoreIndex.SIMILARITY);
                return searcher;
            }
        });
    }

    /** Runs {@code read} on the current searcher; {@code failure} says what failed if it throws. */
    <T> T read(String failure, Read<T> read) {
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                return read.apply(searcher);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(failure, e);
        }
    }

    /** Makes what the writer holds visible to the next read; returns once it is. */
    void refresh() throws IOException {
        manager.maybeRefreshBlocking();
    }

    @Override
    public void close() throws IOException {
        manager.close();
    }
}
