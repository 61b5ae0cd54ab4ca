package dev.lore.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
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
    private final Optional<PassageVectors> vectors;
    private final Optional<SemanticSearch> semantic;

    private LoreIndex(
            Directory directory, Analyzer analyzer, IndexWriter writer, long appliedSeq, Optional<Embedder> embedder)
            throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new Searchers(writer);
        var queries = new QueryFactory(analyzer);
        this.writes = new IndexWrites(
                writer, searchers, appliedSeq, embedder.map(Embedder::name).orElse(""), seq -> durableSeq(seq));
        this.vectors = embedder.map(e -> new PassageVectors(e, writer, searchers, writes::vectorsWritten));
        this.semantic = embedder.map(SemanticSearch::new);
        this.suggestions = new Suggestions(searchers, queries);
        this.search = new Search(searchers, queries, analyzer, suggestions, semantic);
        this.topics = new TopicDocuments(searchers, queries);
    }

    private long durableSeq(long applied) {
        return vectors.map(v -> v.durable(applied)).orElse(applied);
    }

    /** Opens the index in {@code dir}, creating it if absent; lexical search only. */
    public static LoreIndex open(Path dir) {
        return open(dir, Optional.empty());
    }

    /**
     * Opens the index in {@code dir}, creating it if absent. With an {@code embedder} (which the
     * index then owns and closes), articles and questions are also embedded passage by passage in
     * the background and search ranks by words and meaning together. An index built with another
     * model, or without one, is rebuilt from the graph.
     */
    public static LoreIndex open(Path dir, Optional<Embedder> embedder) {
        Objects.requireNonNull(dir, "dir must not be null");
        try {
            Files.createDirectories(dir);
            Directory directory = FSDirectory.open(dir);
            IndexWrites.Start start =
                    IndexWrites.start(directory, embedder.map(Embedder::name).orElse(""));
            if (start.rebuild()) {
                LOG.info(
                        "Search index at {} has an older field layout or other vectors; rebuilding it from the graph",
                        dir);
            }
            Analyzer analyzer = Analyzers.perField();
            var writer = new IndexWriter(directory, IndexWrites.config(analyzer, start.rebuild()));
            var index = new LoreIndex(directory, analyzer, writer, start.seq(), embedder);
            LOG.info(
                    "Search index opened at {}: {} documents, change sequence {}{}",
                    dir,
                    index.docCount(),
                    start.seq(),
                    embedder.map(e -> ", passages embedded with " + e.name()).orElse(""));
            return index;
        } catch (IOException e) {
            embedder.ifPresent(Embedder::close);
            throw new UncheckedIOException("cannot open the search index at " + dir, e);
        }
    }

    /** Whether search ranks by meaning too (an embedding model is loaded). */
    public boolean semantic() {
        return semantic.isPresent();
    }

    /**
     * The ranking {@link #search(SearchRequest)} uses: hybrid with a model, lexical without. The
     * blend of normalized scores, half and half, ranked SciFact's 809 training queries better than
     * reciprocal rank fusion (nDCG@10 0.767 against 0.753, Recall@100 0.968 against 0.969;
     * lexical alone 0.702 / 0.930, meaning alone 0.746 / 0.963).
     */
    public Ranking defaultRanking() {
        return semantic.isPresent() ? Ranking.HYBRID_BLEND : Ranking.LEXICAL;
    }

    /**
     * Forgets the vectors of recent queries, so the next searches run the model (benchmarks measure
     * the model's cost with it; search results do not change).
     */
    public void forgetQueryVectors() {
        semantic.ifPresent(s -> s.recent().clear());
    }

    /**
     * Returns once every change applied before the call has its vectors written and searchable
     * (at once without a model). For tests, tools and benchmarks; the server never waits.
     */
    public void awaitEmbeddings() {
        vectors.ifPresent(PassageVectors::await);
    }

    /**
     * As {@link #awaitEmbeddings()}, giving up after {@code timeout}: true when everything applied
     * before the call is embedded. For progress bars.
     */
    public boolean awaitEmbeddings(java.time.Duration timeout) {
        return vectors.map(v -> v.await(timeout)).orElse(true);
    }

    /** Documents embedded (or given up) and documents queued for embedding since the index opened. */
    public record EmbeddingProgress(long done, long queued) {}

    public EmbeddingProgress embeddingProgress() {
        return vectors.map(v -> {
                    long[] p = v.progress();
                    return new EmbeddingProgress(p[0], p[1]);
                })
                .orElse(new EmbeddingProgress(0, 0));
    }

    /** How many passages were embedded since the index opened. */
    public long passagesEmbedded() {
        return vectors.map(PassageVectors::passagesWritten).orElse(0L);
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
        vectors.ifPresent(v -> v.enqueue(upserts, deletedIds, seq));
    }

    /**
     * How many threads write a large batch of documents (a build from the graph), the caller's
     * included; by default as many as the machine has cores. 1 writes every batch on the caller's
     * thread.
     */
    public void writerThreads(int count) {
        writes.writerThreads(count);
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
        vectors.ifPresent(PassageVectors::discardPending);
        writes.clear();
    }

    /** Documents in the index: articles, questions, people, skills, files (not their passages). */
    public int docCount() {
        return searchers.read(
                "cannot read the search index", searcher -> searcher.count(new FieldExistsQuery(Fields.TYPE_DV)));
    }

    /**
     * Searches with the query language of {@link UserQuery}, facet selections and the requested
     * order. Any text is accepted. When the words match nothing, misspelled words are retried as
     * fuzzy matches; when the query finds little, a spelling suggestion from the index's own
     * vocabulary is offered.
     */
    public SearchResults search(SearchRequest request) {
        return search.run(request, defaultRanking());
    }

    /**
     * As {@link #search(SearchRequest)} with the given ranking; without a model every ranking is
     * lexical. Phrases, exclusions and filters hold for every hit whatever the ranking.
     */
    public SearchResults search(SearchRequest request, Ranking ranking) {
        return search.run(request, ranking);
    }

    /**
     * Documents of {@code types} nearest in meaning to {@code text} (similar questions as one is
     * typed); empty without a model.
     */
    public List<Scored> similarTo(String text, List<String> types, int n) {
        if (semantic.isEmpty() || text.isBlank()) {
            return List.of();
        }
        float[] vector = semantic.get().embed(text);
        return searchers.read("cannot search the index", searcher -> near(searcher, vector, types, n, null));
    }

    /**
     * Documents of {@code types} nearest in meaning to the document {@code id} ({@code type:key}),
     * by the mean of its passages (related pages); empty without a model or before its vectors
     * are in.
     */
    public List<Scored> relatedTo(String id, List<String> types, int n) {
        if (semantic.isEmpty()) {
            return List.of();
        }
        return searchers.read("cannot search the index", searcher -> {
            var vector = SemanticSearch.documentVector(searcher, id);
            return vector.isEmpty() ? List.<Scored>of() : near(searcher, vector.get(), types, n, id);
        });
    }

    private List<Scored> near(IndexSearcher searcher, float[] vector, List<String> types, int n, String excluded)
            throws IOException {
        var near = semantic.get().nearest(searcher, vector, Math.max(n * 4, 20), excluded);
        var out = new java.util.ArrayList<Scored>();
        var stored = searcher.storedFields();
        for (SemanticSearch.Near candidate : near) {
            var top = searcher.search(new TermQuery(new Term(Fields.ID, candidate.id())), 1);
            if (top.scoreDocs.length == 0) {
                continue; // its delete is waiting
            }
            var d = stored.document(top.scoreDocs[0].doc, Set.of(Fields.ID, Fields.TYPE, Fields.SLUG, Fields.TITLE));
            if (types.isEmpty() || types.contains(d.get(Fields.TYPE))) {
                out.add(new Scored(
                        d.get(Fields.ID),
                        d.get(Fields.TYPE),
                        d.get(Fields.SLUG),
                        d.get(Fields.TITLE),
                        candidate.similarity()));
                if (out.size() == n) {
                    break;
                }
            }
        }
        return out;
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
            vectors.ifPresent(PassageVectors::close);
            commit();
            searchers.close();
            writes.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the search index", e);
        } finally {
            vectors.ifPresent(v -> v.embedder().close());
        }
    }
}
