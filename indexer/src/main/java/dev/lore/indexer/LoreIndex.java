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
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
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
    private static final FieldType BODY_TYPE = bodyType();

    /** BM25 with k1=0.9, b=0.4: measured best on SciFact among the settings tried (see README). */
    /** Bumped whenever fields or analysis change; an index of another version is rebuilt on open. */
    static final String SCHEMA_VERSION = "7";

    static final BM25Similarity SIMILARITY = new BM25Similarity(0.9f, 0.4f);

    private final QueryFactory queries;
    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile long appliedSeq;
    private volatile long committedSeq;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private boolean dirty;

    private LoreIndex(Directory directory, Analyzer analyzer, IndexWriter writer, long appliedSeq) throws IOException {
        this.directory = directory;
        this.analyzer = analyzer;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                var searcher = new IndexSearcher(reader);
                searcher.setSimilarity(SIMILARITY);
                return searcher;
            }
        });
        this.queries = new QueryFactory(analyzer);
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
            boolean rebuild = false;
            if (DirectoryReader.indexExists(directory)) {
                Map<String, String> data =
                        SegmentInfos.readLatestCommit(directory).getUserData();
                String stored = data.get(Fields.COMMIT_SEQ);
                seq = stored == null ? 0 : Long.parseLong(stored);
                rebuild = !SCHEMA_VERSION.equals(data.get(Fields.COMMIT_SCHEMA));
            }
            if (rebuild) {
                LOG.info("Search index at {} has an older field layout; rebuilding it from the graph", dir);
                seq = 0;
            }
            Analyzer analyzer = Analyzers.perField();
            var mode = rebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND;
            var config = new IndexWriterConfig(analyzer).setOpenMode(mode).setSimilarity(SIMILARITY);
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
            generation.incrementAndGet();
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
                    Map.of(Fields.COMMIT_SEQ, Long.toString(appliedSeq), Fields.COMMIT_SCHEMA, SCHEMA_VERSION)
                            .entrySet());
            writer.commit();
            committedSeq = appliedSeq;
            dirty = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the search index", e);
        }
    }

    /**
     * A number that changes whenever the index content changes (an apply or a clear), so callers
     * can cache what they derive from the graph or the index until the next change.
     */
    public long generation() {
        return generation.get();
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
            generation.incrementAndGet();
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
     * Searches with the query language of {@link UserQuery}, facet selections and the requested
     * order. Any text is accepted. When the words match nothing, misspelled words are retried as
     * fuzzy matches; when the query finds little, a spelling suggestion from the index's own
     * vocabulary is offered.
     */
    public SearchResults search(SearchRequest request) {
        UserQuery parsed = UserQuery.parse(request.text());
        if (parsed.isEmpty() && !hasSelections(request)) {
            return SearchResults.empty();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Execution exact = execute(searcher, parsed, request, false);
                Execution used = exact;
                if (exact.total() == 0 && !parsed.words().isEmpty()) {
                    Execution fuzzy = execute(searcher, parsed, request, true);
                    if (fuzzy.total() > 0) {
                        used = fuzzy;
                    }
                }
                if (used.query() == null) {
                    return SearchResults.empty();
                }
                Optional<String> didYouMean = spelling(searcher, parsed, exact.total() < 3);
                return new SearchResults(
                        used.total(),
                        hits(searcher, used, request),
                        FacetCounts.count(used.facets(), request.now()),
                        didYouMean,
                        used != exact);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index", e);
        }
    }

    private record Execution(Query query, TopDocs top, FacetsCollector facets, long total) {}

    private Execution execute(IndexSearcher searcher, UserQuery parsed, SearchRequest request, boolean fuzzy)
            throws IOException {
        Query text = parsed.hasPositiveText() ? queries.text(parsed, fuzzy) : null;
        if (parsed.hasPositiveText() && text == null) {
            return new Execution(null, null, null, 0);
        }
        var query = new BooleanQuery.Builder().add(text == null ? queries.matchAll() : text, BooleanClause.Occur.MUST);
        queries.exclusions(parsed).forEach(q -> query.add(q, BooleanClause.Occur.MUST_NOT));
        queries.filters(parsed, request).forEach(q -> query.add(q, BooleanClause.Occur.FILTER));
        Query built = query.build();
        int wanted = Math.min(request.offset() + request.limit(), 10_000);
        var byRecency = new SortField(Fields.UPDATED, SortField.Type.LONG, true);
        var byId = new SortedSetSortField(Fields.ID_DV, false);
        Sort sort = request.order() == SearchRequest.Order.RECENT || text == null
                ? new Sort(byRecency, byId)
                : new Sort(SortField.FIELD_SCORE, byRecency, byId);
        var result = FacetsCollectorManager.search(searcher, built, wanted, sort, true, new FacetsCollectorManager());
        return new Execution(
                built,
                result.topDocs(),
                result.facetsCollector(),
                result.topDocs().totalHits.value());
    }

    private List<SearchHit> hits(IndexSearcher searcher, Execution run, SearchRequest request) throws IOException {
        ScoreDoc[] all = run.top().scoreDocs;
        ScoreDoc[] page = java.util.Arrays.copyOfRange(all, Math.min(request.offset(), all.length), all.length);
        String[] snippets = highlight(searcher, run.query(), page);
        var hits = new ArrayList<SearchHit>(page.length);
        var storedFields = searcher.storedFields();
        for (int i = 0; i < page.length; i++) {
            Document d = storedFields.document(page[i].doc, HIT_FIELDS); // not the body: it can be long
            hits.add(new SearchHit(
                    d.get(Fields.ID),
                    d.get(Fields.TYPE),
                    d.get(Fields.SLUG),
                    d.get(Fields.TITLE),
                    snippets[i] == null ? "" : snippets[i],
                    Float.isNaN(page[i].score) ? 0 : page[i].score,
                    List.of(d.getValues(Fields.TAGS)),
                    Instant.ofEpochMilli(
                            d.getField(Fields.UPDATED).numericValue().longValue())));
        }
        return hits;
    }

    /**
     * Replaces each word the index does not know (or, when the query found little, barely knows)
     * with a more common spelling close to it.
     */
    private Optional<String> spelling(IndexSearcher searcher, UserQuery parsed, boolean foundLittle)
            throws IOException {
        if (parsed.words().isEmpty()) {
            return Optional.empty();
        }
        var checker = new DirectSpellChecker();
        checker.setMaxEdits(2);
        var reader = searcher.getIndexReader();
        boolean changed = false;
        var corrected = new ArrayList<String>();
        for (String word : parsed.words()) {
            List<String> terms = queries.exactTerms(word);
            if (terms.size() != 1) {
                corrected.add(word);
                continue;
            }
            Term term = new Term(Fields.CONTENTS_EXACT, terms.getFirst());
            int freq = reader.docFreq(term);
            if (freq > 0 && !foundLittle) { // a known word in a query that found plenty: leave it
                corrected.add(word);
                continue;
            }
            SuggestWord[] suggestions = checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_MORE_POPULAR);
            if (suggestions.length > 0 && freq < suggestions[0].freq) {
                corrected.add(suggestions[0].string);
                changed = true;
            } else {
                corrected.add(word);
            }
        }
        return changed ? Optional.of(String.join(" ", corrected)) : Optional.empty();
    }

    /**
     * Titles of articles, people and skills that complete what has been typed so far: every word
     * must match, the last one as a prefix; each word may have one missing, extra, wrong or swapped
     * letter. Needs at least two characters.
     */
    public List<Suggestion> suggest(String typed, int limit) {
        String text = typed == null ? "" : typed.strip();
        if (text.length() < 2) {
            return List.of();
        }
        if (text.length() > 100) {
            text = text.substring(0, 100);
        }
        List<String> terms =
                queries.terms(Fields.TITLE_WORDS, text).stream().limit(8).toList();
        if (terms.isEmpty()) {
            return List.of();
        }
        var query = new BooleanQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i);
            boolean last = i == terms.size() - 1;
            var either = new BooleanQuery.Builder();
            either.add(
                    new BoostQuery(
                            last
                                    ? new PrefixQuery(new Term(Fields.TITLE_WORDS, term))
                                    : new TermQuery(new Term(Fields.TITLE_WORDS, term)),
                            2f),
                    BooleanClause.Occur.SHOULD);
            if (term.length() >= 3) {
                either.add(
                        new FuzzyQuery(new Term(Fields.TITLE_WORDS, term), 1, 1, 50, true), BooleanClause.Occur.SHOULD);
            }
            query.add(either.build(), BooleanClause.Occur.MUST);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(query.build(), limit);
                var storedFields = searcher.storedFields();
                var out = new ArrayList<Suggestion>();
                for (ScoreDoc sd : top.scoreDocs) {
                    Document d = storedFields.document(sd.doc);
                    out.add(new Suggestion(d.get(Fields.TYPE), d.get(Fields.SLUG), d.get(Fields.TITLE)));
                }
                return out;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index", e);
        }
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
        if (words.isEmpty()) {
            return new Named(List.of(), List.of());
        }
        var people = new BooleanQuery.Builder();
        var skills = new BooleanQuery.Builder();
        for (String word : words.stream().limit(16).toList()) {
            String w = word.toLowerCase(java.util.Locale.ROOT);
            people.add(new TermQuery(new Term(Fields.TITLE_WORDS, w)), BooleanClause.Occur.SHOULD);
            people.add(new TermQuery(new Term(Fields.ID, "person:" + w)), BooleanClause.Occur.SHOULD);
            skills.add(new TermQuery(new Term(Fields.SKILLS, w)), BooleanClause.Occur.SHOULD);
        }
        skills.add(
                new TermQuery(new Term(Fields.SKILLS, phrase.toLowerCase(java.util.Locale.ROOT))),
                BooleanClause.Occur.SHOULD);
        var query = new BooleanQuery.Builder()
                .add(
                        new BooleanQuery.Builder()
                                .add(new TermQuery(new Term(Fields.TYPE, "person")), BooleanClause.Occur.FILTER)
                                .add(people.build(), BooleanClause.Occur.MUST)
                                .build(),
                        BooleanClause.Occur.SHOULD)
                .add(
                        new BooleanQuery.Builder()
                                .add(new TermQuery(new Term(Fields.TYPE, "skill")), BooleanClause.Occur.FILTER)
                                .add(skills.build(), BooleanClause.Occur.MUST)
                                .build(),
                        BooleanClause.Occur.SHOULD)
                .build();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(query, limit);
                var personIds = new ArrayList<String>();
                var skillKeys = new ArrayList<String>();
                var storedFields = searcher.storedFields();
                for (ScoreDoc sd : top.scoreDocs) {
                    String id = storedFields
                            .document(sd.doc, java.util.Set.of(Fields.ID))
                            .get(Fields.ID);
                    if (id.startsWith("person:")) {
                        personIds.add(id.substring("person:".length()));
                    } else if (id.startsWith("skill:")) {
                        skillKeys.add(id.substring("skill:".length()));
                    }
                }
                return new Named(personIds, skillKeys);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index", e);
        }
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
        return top(text, types, n, true, (searcher, top) -> {
            var storedFields = searcher.storedFields();
            var out = new ArrayList<Scored>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = storedFields.document(sd.doc, SCORED_FIELDS);
                out.add(new Scored(
                        d.get(Fields.ID), d.get(Fields.TYPE), d.get(Fields.SLUG), d.get(Fields.TITLE), sd.score));
            }
            return out;
        });
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
        return top(text, types, n, proximity, (searcher, top) -> {
            var found = new Ranked[top.scoreDocs.length];
            // doc values are read forwards: visit the hits in document order, answer in rank order
            Integer[] byDoc = new Integer[top.scoreDocs.length];
            for (int i = 0; i < byDoc.length; i++) {
                byDoc[i] = i;
            }
            java.util.Arrays.sort(byDoc, java.util.Comparator.comparingInt(i -> top.scoreDocs[i].doc));
            var leaves = searcher.getIndexReader().leaves();
            int leafIndex = -1;
            org.apache.lucene.index.SortedSetDocValues ids = null;
            org.apache.lucene.index.BinaryDocValues credits = null;
            int docBase = 0;
            for (int i : byDoc) {
                int doc = top.scoreDocs[i].doc;
                int leaf = org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves);
                if (leaf != leafIndex) {
                    leafIndex = leaf;
                    docBase = leaves.get(leaf).docBase;
                    ids = null; // read only for a type without credits
                    credits = org.apache.lucene.index.DocValues.getBinary(
                            leaves.get(leaf).reader(), Fields.CREDITS_DV);
                }
                float score = top.scoreDocs[i].score;
                if (credits.advanceExact(doc - docBase)) {
                    found[i] = Credits.decode(score, credits.binaryValue());
                } else {
                    if (ids == null) {
                        ids = org.apache.lucene.index.DocValues.getSortedSet(
                                leaves.get(leaf).reader(), Fields.ID_DV);
                    }
                    if (ids.advanceExact(doc - docBase)) { // a type without credits
                        found[i] = Ranked.of(ids.lookupOrd(ids.nextOrd()).utf8ToString(), score, null, null, List.of());
                    }
                }
            }
            var out = new ArrayList<Ranked>(found.length);
            for (Ranked r : found) {
                if (r != null) {
                    out.add(r);
                }
            }
            return out;
        });
    }

    private interface Hits<T> {
        List<T> read(IndexSearcher searcher, TopDocs top) throws IOException;
    }

    private <T> List<T> top(String text, List<String> types, int n, boolean proximity, Hits<T> hits) {
        UserQuery parsed = UserQuery.parse(text);
        if (!parsed.hasPositiveText()) {
            return List.of();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                for (boolean fuzzy : new boolean[] {false, true}) {
                    Query ranking = queries.text(parsed, fuzzy, proximity);
                    if (ranking == null) {
                        return List.of();
                    }
                    var query = new BooleanQuery.Builder().add(ranking, BooleanClause.Occur.MUST);
                    queries.exclusions(parsed).forEach(q -> query.add(q, BooleanClause.Occur.MUST_NOT));
                    if (!types.isEmpty()) {
                        var anyType = new BooleanQuery.Builder();
                        types.forEach(
                                t -> anyType.add(new TermQuery(new Term(Fields.TYPE, t)), BooleanClause.Occur.SHOULD));
                        query.add(anyType.build(), BooleanClause.Occur.FILTER);
                    }
                    // only the best n are read, never the number of hits: counting stops at n,
                    // so Lucene may skip documents that cannot reach the top n sooner
                    TopDocs top = searcher.search(
                            query.build(), new org.apache.lucene.search.TopScoreDocCollectorManager(n, n));
                    if (top.scoreDocs.length == 0 && !fuzzy && !parsed.words().isEmpty()) {
                        continue;
                    }
                    return hits.read(searcher, top);
                }
                return List.of();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index", e);
        }
    }

    private static final java.util.Set<String> HIT_FIELDS =
            java.util.Set.of(Fields.ID, Fields.TYPE, Fields.SLUG, Fields.TITLE, Fields.TAGS, Fields.UPDATED);

    private static final java.util.Set<String> SCORED_FIELDS =
            java.util.Set.of(Fields.ID, Fields.TYPE, Fields.SLUG, Fields.TITLE);

    /** A completion: what it is, its key and its title. */
    public record Suggestion(String type, String slug, String title) {}

    private static boolean hasSelections(SearchRequest r) {
        return !r.types().isEmpty()
                || !r.tags().isEmpty()
                || !r.skills().isEmpty()
                || !r.authors().isEmpty()
                || !r.updated().isEmpty();
    }

    private String[] highlight(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return new String[0];
        }
        var highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxNoHighlightPassages(1)
                .withBreakIterator(SentenceBreaks::new)
                .withMaxLength(50_000)
                // the query's terms are on the contents fields; highlight the same words in the body
                .withFieldMatcher(field -> field.equals(Fields.BODY) || field.equals(Fields.CONTENTS))
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
        d.add(new KeywordField(Fields.ID_DV, doc.id(), Field.Store.NO));
        d.add(new KeywordField(Fields.TYPE_DV, doc.type(), Field.Store.NO));
        d.add(new TextField(Fields.TITLE, doc.title(), Field.Store.YES));
        d.add(new TextField(Fields.TITLE_WORDS, doc.title(), Field.Store.NO));
        d.add(new Field(Fields.BODY, doc.body(), BODY_TYPE));
        String contents = doc.title() + "\n" + doc.body() + "\n" + String.join(" ", doc.tags()) + "\n"
                + String.join(" ", doc.skills());
        d.add(new TextField(Fields.CONTENTS, contents, Field.Store.NO));
        for (String heading : doc.headings()) {
            d.add(new TextField(Fields.HEADINGS, heading, Field.Store.NO));
        }
        d.add(new TextField(Fields.CONTENTS_EXACT, contents, Field.Store.NO));
        for (String tag : doc.tags()) {
            d.add(new TextField(Fields.TAGS, tag, Field.Store.YES));
            d.add(new KeywordField(Fields.TAGS_DV, tag.toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
        }
        for (String skill : doc.skills()) {
            d.add(new TextField(Fields.SKILLS, skill, Field.Store.YES));
            d.add(new KeywordField(Fields.SKILLS_DV, skill, Field.Store.NO));
        }
        for (String author : doc.authors()) {
            d.add(new TextField(Fields.AUTHORS, author, Field.Store.YES));
            d.add(new KeywordField(Fields.AUTHORS_DV, author, Field.Store.NO));
        }
        long updated = doc.updatedAt().toEpochMilli();
        d.add(new LongPoint(Fields.UPDATED, updated));
        d.add(new NumericDocValuesField(Fields.UPDATED, updated));
        d.add(new StoredField(Fields.UPDATED, updated));
        if (doc.type().equals("article") || doc.type().equals("question")) {
            d.add(new org.apache.lucene.document.BinaryDocValuesField(Fields.CREDITS_DV, Credits.encode(doc)));
        }
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
