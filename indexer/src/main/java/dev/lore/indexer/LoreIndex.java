package dev.lore.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The derived search index in one directory. Writes go through {@link #apply}, which refreshes a
 * near-real-time reader, so a change is searchable as soon as {@code apply} returns. {@link #commit}
 * (called on a timer and on close) makes it durable together with the change sequence reached, so
 * after a crash the index knows where to catch up from. Thread-safe.
 *
 * <p>This facade owns the writer and the searchers; the work is done by package-private parts that
 * share them: {@link IndexWrites} (apply, commit, clear, the field layout), {@link Search}, {@link
 * Suggestions} (completions, names, spelling) and {@link TopicDocuments} (the documents for a topic).
 */
public final class LoreIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoreIndex.class);

    /** BM25 with k1=0.9, b=0.4: measured best on SciFact among the settings tried (see README). */
    static final BM25Similarity SIMILARITY = new BM25Similarity(0.9f, 0.4f);

    private final Directory directory;
    private final IndexWriter writer;
    private final Searchers searchers;
    private final IndexWrites writes;
    private final Search search;
    private final Suggestions suggestions;
    private final TopicDocuments topics;

    private LoreIndex(Directory directory, Analyzer analyzer, IndexWriter writer, long appliedSeq) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new Searchers(writer);
        var queries = new QueryFactory(analyzer);
        this.writes = new IndexWrites(writer, searchers, appliedSeq);
        this.suggestions = new Suggestions(searchers, queries);
        this.search = new Search(searchers, queries, analyzer, suggestions);
        this.topics = new TopicDocuments(searchers, queries);
    }

    /** Opens the index in {@code dir}, creating it if absent. */
    public static LoreIndex open(Path dir) {
        Objects.requireNonNull(dir, "dir must not be null");
        try {
            Files.createDirectories(dir);
            Directory directory = FSDirectory.open(dir);
            IndexWrites.Start start = IndexWrites.start(directory);
            if (start.rebuild()) {
                LOG.info("Search index at {} has an older field layout; rebuilding it from the graph", dir);
            }
            Analyzer analyzer = Analyzers.perField();
            var writer = new IndexWriter(directory, IndexWrites.config(analyzer, start.rebuild()));
            var index = new LoreIndex(directory, analyzer, writer, start.seq());
            LOG.info("Search index opened at {}: {} documents, change sequence {}", dir, index.docCount(), start.seq());
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + dir, e);
        }
    }

    /** The last change sequence number whose changes are searchable (not necessarily durable yet). */
    public long appliedSeq() {
        return writes.appliedSeq();
    }

    /**
     * Adds or replaces {@code upserts} and removes {@code deletedIds}, then refreshes the reader so
     * searches see them at once. {@code seq} is the change sequence these changes reach; it becomes
     * durable with the next {@link #commit()}. Applying the same changes twice is harmless.
     */
    public synchronized void apply(Collection<IndexDoc> upserts, Collection<String> deletedIds, long seq) {
        writes.apply(upserts, deletedIds, seq);
    }

    /**
     * Makes everything applied so far durable, recording the sequence reached in the commit. Until
     * then a crash loses only index work, which the catch-up redoes from the last committed sequence.
     */
    public synchronized void commit() {
        writes.commit();
    }

    /**
     * A number that changes whenever the index content changes (an apply or a clear), so callers
     * can cache what they derive from the graph or the index until the next change.
     */
    public long generation() {
        return writes.generation();
    }

    /** The last change sequence number that is durable in this index. */
    public long committedSeq() {
        return writes.committedSeq();
    }

    /** Removes every document and resets the sequence to 0, for a rebuild. */
    public synchronized void clear() {
        writes.clear();
    }

    public int docCount() {
        return searchers.read(
                "cannot read the search index",
                searcher -> searcher.getIndexReader().numDocs());
    }

    /**
     * Searches with the query language of {@link UserQuery}, facet selections and the requested
     * order. Any text is accepted. When the words match nothing, misspelled words are retried as
     * fuzzy matches; when the query finds little, a spelling suggestion from the index's own
     * vocabulary is offered.
     */
    public SearchResults search(SearchRequest request) {
        return search.run(request);
    }

    /** A completion: what it is, its key and its title. */
    public record Suggestion(String type, String slug, String title) {}

    /**
     * Titles of articles, people and skills that complete what has been typed so far: every word
     * must match, the last one as a prefix; each word may have one missing, extra, wrong or swapped
     * letter. Needs at least two characters.
     */
    public List<Suggestion> suggest(String typed, int limit) {
        return suggestions.suggest(typed, limit);
    }

    /** People (by id) and skills (by key) whose names a query's words name. */
    public record Named(List<String> personIds, List<String> skillKeys) {
        public boolean isEmpty() {
            return personIds.isEmpty() && skillKeys.isEmpty();
        }
    }

    /**
     * The people and skills a search names, found in the index so that a search naming nobody costs
     * no graph round trip: a person when a word is one of the words of their name or their id, a
     * skill when a word or the whole phrase is its name.
     */
    public Named namedIn(List<String> words, String phrase, int limit) {
        return suggestions.namedIn(words, phrase, limit);
    }

    /** A document found for a topic, with its relevance score. */
    public record Scored(String id, String type, String slug, String title, float score) {}

    /**
     * A document's type ({@code article}, {@code question}, ...), id (the part after {@code type:})
     * and score; an article also brings its slug, title and contributors.
     */
    public record Ranked(
            String type, String id, float score, String slug, String title, List<IndexDoc.Credit> credits) {
        public Ranked(String type, String id, float score) {
            this(type, id, score, null, null, List.of());
        }

        /** A hit on the document whose index id is {@code documentId} ({@code type:id}). */
        static Ranked of(String documentId, float score, String slug, String title, List<IndexDoc.Credit> credits) {
            int colon = documentId.indexOf(':');
            return new Ranked(
                    documentId.substring(0, Math.max(0, colon)),
                    documentId.substring(colon + 1),
                    score,
                    slug,
                    title,
                    credits);
        }
    }

    /**
     * The {@code n} documents of the given types most relevant to free text, ranked as search ranks
     * them but without facets, snippets or spelling help. Falls back to fuzzy matching when the
     * exact words match nothing.
     */
    public List<Scored> topDocuments(String text, List<String> types, int n) {
        return topics.topDocuments(text, types, n);
    }

    /**
     * As {@link #topDocuments}, read from doc values: the first step of expert finding. Articles
     * come with their contributors and shares, kept in the index with the text they were computed
     * from, so the graph is asked only about people. Stored fields would decompress each document
     * (bodies included).
     */
    public List<Ranked> topIds(String text, List<String> types, int n) {
        return topIds(text, types, n, true);
    }

    /**
     * As {@link #topIds(String, List, int)}; without {@code proximity} search's reward for query
     * words near each other is left out, which halves the cost of the search.
     */
    public List<Ranked> topIds(String text, List<String> types, int n, boolean proximity) {
        return topics.topIds(text, types, n, proximity);
    }

    @Override
    public synchronized void close() {
        try {
            commit();
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the search index", e);
        }
    }
}
