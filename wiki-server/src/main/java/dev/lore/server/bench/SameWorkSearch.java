package dev.lore.server.bench;

import dev.lore.indexer.Fields;
import dev.lore.indexer.PlainLucene;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;

/**
 * The yardstick for one search request: plain Lucene in process doing the work Lore's search does,
 * on the same documents with Lore's analyzers and query parsing ({@link PlainLucene}): BM25 top 10,
 * highlighted snippets of the 10 hits (UnifiedHighlighter, two passages of the body each), their
 * stored fields, and facet counts (type, tags) over the whole match set with Lucene's own sorted-set
 * facets. Also the yardstick for a save: {@code updateDocument} and a near-real-time refresh,
 * without a commit. Thread-safe.
 */
final class SameWorkSearch implements AutoCloseable {
    private static final FieldType BODY = bodyType();
    private static final Set<String> HIT_FIELDS = Set.of(Fields.ID, Fields.TYPE, Fields.TITLE, Fields.TAGS);

    private final Analyzer analyzer = PlainLucene.analyzer();
    private final FacetsConfig facets = new FacetsConfig();
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile Optional<FacetState> state = Optional.empty();

    private record FacetState(IndexReader reader, DefaultSortedSetDocValuesReaderState state) {}

    SameWorkSearch(Path dir) throws IOException {
        facets.setMultiValued("tags", true);
        directory = FSDirectory.open(dir);
        writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
        searchers = new SearcherManager(writer, null);
    }

    /** Adds or replaces the document {@code n}; searchable after {@link #refresh}. */
    void add(int n, SyntheticCorpus.Doc doc) {
        try {
            writer.updateDocument(new Term(Fields.ID, id(n)), document(n, doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a save costs plain Lucene: replace the document and make it searchable, no commit. */
    void save(int n, SyntheticCorpus.Doc doc) {
        add(n, doc);
        refresh();
    }

    void commit() throws IOException {
        writer.commit();
        refresh();
    }

    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One search request's work; returns the number of matches, so nothing is optimised away. */
    long search(String text) {
        Optional<Query> parsed = PlainLucene.query(analyzer, text);
        if (parsed.isEmpty()) {
            return 0;
        }
        Query query = parsed.get();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                var result = FacetsCollectorManager.search(searcher, query, 10, new FacetsCollectorManager());
                TopDocs top = result.topDocs();
                var highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                        .withMaxNoHighlightPassages(1)
                        .withMaxLength(50_000)
                        .withFieldMatcher(field -> field.equals(Fields.BODY) || field.equals(Fields.CONTENTS))
                        .build();
                String[] snippets = highlighter.highlight(Fields.BODY, query, top, 2);
                long seen = snippets.length;
                var stored = searcher.storedFields();
                for (ScoreDoc sd : top.scoreDocs) {
                    seen += stored.document(sd.doc, HIT_FIELDS).getFields().size();
                }
                var counts = new SortedSetDocValuesFacetCounts(facetState(searcher), result.facetsCollector());
                for (String dim : new String[] {"type", "tags"}) {
                    var top25 = counts.getTopChildren(25, dim);
                    seen += top25 == null ? 0 : top25.childCount;
                }
                return top.totalHits.value() + seen;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The facet ordinals of the searcher's reader, built once per reader (as Lucene's facets need). */
    private synchronized DefaultSortedSetDocValuesReaderState facetState(IndexSearcher searcher) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        if (state.isEmpty() || state.get().reader() != reader) {
            state = Optional.of(new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, facets)));
        }
        return state.get().state();
    }

    private Document document(int n, SyntheticCorpus.Doc doc) throws IOException {
        var d = new Document();
        d.add(new StringField(Fields.ID, id(n), Field.Store.YES));
        d.add(new StringField(Fields.TYPE, "article", Field.Store.YES));
        d.add(new SortedSetDocValuesFacetField("type", "article"));
        d.add(new TextField(Fields.TITLE, doc.title(), Field.Store.YES));
        d.add(new Field(Fields.BODY, doc.body(), BODY));
        String contents = doc.title() + "\n" + doc.body() + "\n" + String.join(" ", doc.tags());
        d.add(new TextField(Fields.CONTENTS, contents, Field.Store.NO));
        d.add(new TextField(Fields.CONTENTS_EXACT, contents, Field.Store.NO));
        for (String tag : doc.tags()) {
            d.add(new TextField(Fields.TAGS, tag, Field.Store.YES));
            d.add(new SortedSetDocValuesFacetField("tags", tag));
        }
        d.add(new NumericDocValuesField(Fields.UPDATED, n));
        d.add(new StoredField(Fields.UPDATED, n));
        return facets.build(d);
    }

    private static String id(int n) {
        return "article:" + n;
    }

    private static FieldType bodyType() {
        var type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
