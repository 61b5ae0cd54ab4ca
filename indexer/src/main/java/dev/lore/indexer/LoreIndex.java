package dev.lore.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The derived search index in one directory. Writes go through {@link #apply}, which refreshes a
 * near-real-time reader, so a change is searchable as soon as {@code apply} returns. {@link #commit}
 * (called on a timer and on close) makes it durable together with the change sequence reached, so
 * after a crash the index knows where to catch up from. Thread-safe.
 */
public final class LoreIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoreIndex.class);
    private static final int MAX_QUERY_CHARS = 1_000;
    private static final Map<String, Float> QUERY_FIELDS = Map.of(
            Fields.TITLE, 3.0f,
            Fields.TAGS, 2.0f,
            Fields.SKILLS, 2.0f,
            Fields.BODY, 1.0f,
            Fields.AUTHORS, 0.5f);
    private static final FieldType BODY_TYPE = bodyType();

    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile long appliedSeq;
    private volatile long committedSeq;
    private boolean dirty;

    private LoreIndex(Directory directory, Analyzer analyzer, IndexWriter writer, long appliedSeq) throws IOException {
        this.directory = directory;
        this.analyzer = analyzer;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.appliedSeq = appliedSeq;
        this.committedSeq = appliedSeq;
    }

    /** Opens the index in {@code dir}, creating it if absent. */
    public static LoreIndex open(Path dir) {
        Objects.requireNonNull(dir, "dir must not be null");
        try {
            Files.createDirectories(dir);
            Directory directory = FSDirectory.open(dir);
            long seq = 0;
            if (DirectoryReader.indexExists(directory)) {
                String stored =
                        SegmentInfos.readLatestCommit(directory).getUserData().get(Fields.COMMIT_SEQ);
                seq = stored == null ? 0 : Long.parseLong(stored);
            }
            Analyzer analyzer = Analyzers.perField();
            var config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            var index = new LoreIndex(directory, analyzer, new IndexWriter(directory, config), seq);
            LOG.info("Search index opened at {}: {} documents, change sequence {}", dir, index.docCount(), seq);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + dir, e);
        }
    }

    /** The last change sequence number whose changes are searchable (not necessarily durable yet). */
    public long appliedSeq() {
        return appliedSeq;
    }

    /**
     * Adds or replaces {@code upserts} and removes {@code deletedIds}, then refreshes the reader so
     * searches see them at once. {@code seq} is the change sequence these changes reach; it becomes
     * durable with the next {@link #commit()}. Applying the same changes twice is harmless.
     */
    public synchronized void apply(Collection<IndexDoc> upserts, Collection<String> deletedIds, long seq) {
        try {
            for (IndexDoc doc : upserts) {
                writer.updateDocument(new Term(Fields.ID, doc.id()), toDocument(doc));
            }
            for (String id : deletedIds) {
                writer.deleteDocuments(new Term(Fields.ID, id));
            }
            appliedSeq = Math.max(seq, appliedSeq);
            dirty = true;
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the search index", e);
        }
    }

    /**
     * Makes everything applied so far durable, recording the sequence reached in the commit. Until
     * then a crash loses only index work, which the catch-up redoes from the last committed sequence.
     */
    public synchronized void commit() {
        if (!dirty) {
            return;
        }
        try {
            writer.setLiveCommitData(
                    Map.of(Fields.COMMIT_SEQ, Long.toString(appliedSeq)).entrySet());
            writer.commit();
            committedSeq = appliedSeq;
            dirty = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the search index", e);
        }
    }

    /** The last change sequence number that is durable in this index. */
    public long committedSeq() {
        return committedSeq;
    }

    /** Removes every document and resets the sequence to 0, for a rebuild. */
    public synchronized void clear() {
        try {
            writer.deleteAll();
            appliedSeq = 0;
            dirty = true;
            commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the search index", e);
        }
    }

    public int docCount() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    /**
     * BM25 search over title, tags, skills, body and contributors with highlighted snippets. Any text
     * is accepted: the simple query syntax ("phrases", -exclusions, OR with |) never fails to parse,
     * and text past 1,000 characters is ignored.
     */
    public SearchResults search(SearchRequest request) {
        Query query = parse(request.text());
        if (query instanceof MatchNoDocsQuery) {
            return SearchResults.empty();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                int wanted = request.offset() + request.limit();
                TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(wanted, 1_000));
                ScoreDoc[] page = java.util.Arrays.copyOfRange(
                        top.scoreDocs, Math.min(request.offset(), top.scoreDocs.length), top.scoreDocs.length);
                String[] snippets = highlight(searcher, query, page);
                var hits = new ArrayList<SearchHit>(page.length);
                var storedFields = searcher.storedFields();
                for (int i = 0; i < page.length; i++) {
                    Document d = storedFields.document(page[i].doc);
                    hits.add(new SearchHit(
                            d.get(Fields.ID),
                            d.get(Fields.TYPE),
                            d.get(Fields.SLUG),
                            d.get(Fields.TITLE),
                            snippets[i] == null ? "" : snippets[i],
                            page[i].score,
                            List.of(d.getValues(Fields.TAGS)),
                            Instant.ofEpochMilli(
                                    d.getField(Fields.UPDATED).numericValue().longValue())));
                }
                return new SearchResults(top.totalHits.value(), hits);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index", e);
        }
    }

    private Query parse(String text) {
        String cleaned = text.codePoints()
                .limit(MAX_QUERY_CHARS)
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        if (cleaned.isEmpty()) {
            return new MatchNoDocsQuery("empty query");
        }
        var parser = new SimpleQueryParser(analyzer, QUERY_FIELDS);
        Query parsed = parser.parse(cleaned);
        if (parsed == null) {
            return new MatchNoDocsQuery("only stop words or operators");
        }
        // Only live, searchable types: keeps room for filters without re-parsing.
        return new BooleanQuery.Builder()
                .add(parsed, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Fields.TYPE, "article")), BooleanClause.Occur.FILTER)
                .build();
    }

    private String[] highlight(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return new String[0];
        }
        var highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxNoHighlightPassages(1)
                .withMaxLength(200_000)
                .build();
        int[] docIds = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            docIds[i] = page[i].doc;
        }
        int[] passagesPerField = {2};
        Map<String, String[]> byField =
                highlighter.highlightFields(new String[] {Fields.BODY}, query, docIds, passagesPerField);
        return byField.get(Fields.BODY);
    }

    private static Document toDocument(IndexDoc doc) {
        var d = new Document();
        d.add(new StringField(Fields.ID, doc.id(), Field.Store.YES));
        d.add(new StringField(Fields.TYPE, doc.type(), Field.Store.YES));
        d.add(new StoredField(Fields.SLUG, doc.slug()));
        d.add(new TextField(Fields.TITLE, doc.title(), Field.Store.YES));
        d.add(new Field(Fields.BODY, doc.body(), BODY_TYPE));
        for (String tag : doc.tags()) {
            d.add(new TextField(Fields.TAGS, tag, Field.Store.YES));
        }
        for (String skill : doc.skills()) {
            d.add(new TextField(Fields.SKILLS, skill, Field.Store.YES));
        }
        for (String author : doc.authors()) {
            d.add(new TextField(Fields.AUTHORS, author, Field.Store.YES));
        }
        long updated = doc.updatedAt().toEpochMilli();
        d.add(new LongPoint(Fields.UPDATED, updated));
        d.add(new NumericDocValuesField(Fields.UPDATED, updated));
        d.add(new StoredField(Fields.UPDATED, updated));
        return d;
    }

    private static FieldType bodyType() {
        var type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
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
