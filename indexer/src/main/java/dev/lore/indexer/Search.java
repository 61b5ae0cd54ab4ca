package dev.lore.indexer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The search people run ({@link LoreIndex#search}): the query with facet selections, a fuzzy retry
 * when the words match nothing, a page of hits with highlighted snippets, facet counts and a
 * spelling suggestion. Thread-safe.
 */
final class Search {
    /** Reciprocal rank fusion's constant, as in Cormack et al. (2009). */
    static final int RRF_K = 60;
    /** The semantic share of a linear blend. */
    static final float BLEND_WEIGHT = 0.5f;
    /** How deep the lexical ranking is read for fusion. */
    static final int FUSION_DEPTH = 100;
    /** The length of a snippet taken from a passage found by meaning alone. */
    static final int SNIPPET_CHARS = 240;

    private final Searchers searchers;
    private final QueryFactory queries;
    private final Hits hits;
    private final Suggestions suggestions;
    private final Optional<SemanticSearch> semantic;

    Search(
            Searchers searchers,
            QueryFactory queries,
            Analyzer analyzer,
            Suggestions suggestions,
            Optional<SemanticSearch> semantic) {
        this.searchers = searchers;
        this.queries = queries;
        this.hits = new Hits(analyzer);
        this.suggestions = suggestions;
        this.semantic = semantic;
    }

    /** See {@link LoreIndex#search}. */
    SearchResults run(SearchRequest request) {
        return run(request, Ranking.LEXICAL);
    }

    /**
     * See {@link LoreIndex#search(SearchRequest, Ranking)}. Meaning takes part only when it can
     * change the order: a relevance search with words, and a model present.
     */
    SearchResults run(SearchRequest request, Ranking ranking) {
        UserQuery parsed = UserQuery.parse(request.text());
        if (parsed.isEmpty() && !hasSelections(request)) {
            return SearchResults.empty();
        }
        if (ranking == Ranking.LEXICAL
                || semantic.isEmpty()
                || request.order() != SearchRequest.Order.RELEVANCE
                || !parsed.hasPositiveText()) {
            return lexical(parsed, request);
        }
        // the query is embedded before a searcher is held: it is the slow part
        float[] vector = semantic.get().embed(meaningOf(parsed));
        return searchers.read(
                "cannot search the index", searcher -> hybrid(searcher, parsed, request, ranking, vector));
    }

    private SearchResults lexical(UserQuery parsed, SearchRequest request) {
        return searchers.read("cannot search the index", searcher -> {
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
            Optional<String> didYouMean = suggestions.spelling(searcher, parsed, exact.total() < 3);
            ScoreDoc[] all = used.top().scoreDocs;
            ScoreDoc[] page = Arrays.copyOfRange(all, Math.min(request.offset(), all.length), all.length);
            return new SearchResults(
                    used.total(),
                    hits.of(searcher, used.query(), page, Map.of()),
                    FacetCounts.count(used.facets(), request.now()),
                    didYouMean,
                    used != exact);
        });
    }

    /** What the model is asked to embed: the words and phrases, not the operators or filters. */
    static String meaningOf(UserQuery parsed) {
        var parts = new ArrayList<String>(parsed.words());
        parts.addAll(parsed.phrases());
        return String.join(" ", parts);
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

    /**
     * Lexical and semantic candidates fused. The semantic candidates are kept only where they
     * satisfy everything the query requires (phrases, exclusions, filters, facet selections); one
     * search over "matches the words, or is such a candidate" then gives the lexical ranking
     * (candidates found by meaning alone score 0 in it and come last), the total and the facets.
     */
    private SearchResults hybrid(
            IndexSearcher searcher, UserQuery parsed, SearchRequest request, Ranking ranking, float[] vector)
            throws IOException {
        List<SemanticSearch.Near> near = semantic.get().nearest(searcher, vector, SemanticSearch.DOCUMENTS, null);
        Map<String, ScoreDoc> allowed = allowed(searcher, parsed, request, near);
        var candidates = near.stream().filter(n -> allowed.containsKey(n.id())).toList();
        Execution exact = executeUnion(searcher, parsed, request, false, allowed.keySet());
        int lexicalHits = lexicalCount(exact);
        Execution used = exact;
        // the fuzzy retry is for typos when nothing else helps; with pages found by meaning its
        // near-miss words (any "the" matches) would outrank them
        if (lexicalHits == 0 && !parsed.words().isEmpty() && candidates.isEmpty()) {
            Execution fuzzy = executeUnion(searcher, parsed, request, true, allowed.keySet());
            if (lexicalCount(fuzzy) > 0) {
                used = fuzzy;
            }
        }
        if (used.query() == null) {
            return SearchResults.empty();
        }
        var ids = new ArrayList<String>();
        var scores = new ArrayList<Float>();
        var byId = new java.util.HashMap<String, ScoreDoc>();
        ScoreDoc[] usedDocs = used.top().scoreDocs;
        String[] usedIds = DocIds.of(searcher, docNumbers(usedDocs), Fields.ID_DV);
        for (int i = 0; i < usedDocs.length; i++) {
            ScoreDoc sd = usedDocs[i];
            String id = usedIds[i];
            byId.put(id, sd);
            if (sd.score > 0) { // found by its words
                ids.add(id);
                scores.add(sd.score);
            }
        }
        allowed.forEach(byId::putIfAbsent);
        List<String> meaning = candidates.stream().map(SemanticSearch.Near::id).toList();
        Map<String, Float> fused = switch (ranking) {
            case SEMANTIC -> byMeaning(candidates);
            case HYBRID_BLEND ->
                SemanticSearch.blend(ids, toArray(scores), meaning, similarities(candidates), BLEND_WEIGHT);
            default -> SemanticSearch.reciprocalRank(ids, meaning, RRF_K);
        };
        var order = new ArrayList<>(fused.entrySet());
        order.sort(Map.Entry.<String, Float>comparingByValue().reversed());
        var ranked = new ArrayList<ScoreDoc>(order.size());
        for (var e : order) {
            ScoreDoc sd = byId.get(e.getKey());
            if (sd != null) {
                ranked.add(new ScoreDoc(sd.doc, e.getValue()));
            }
        }
        int from = Math.min(request.offset(), ranked.size());
        int to = Math.min(request.offset() + request.limit(), ranked.size());
        var passages = new java.util.HashMap<Integer, SemanticSearch.Near>();
        for (SemanticSearch.Near n : candidates) {
            passages.put(allowed.get(n.id()).doc, n);
        }
        Optional<String> didYouMean = suggestions.spelling(searcher, parsed, lexicalHits < 3);
        long total = ranking == Ranking.SEMANTIC ? ranked.size() : used.total();
        return new SearchResults(
                total,
                hits.of(searcher, used.query(), ranked.subList(from, to).toArray(ScoreDoc[]::new), passages),
                FacetCounts.count(used.facets(), request.now()),
                didYouMean,
                used != exact);
    }

    /** The candidates alone, scored by similarity. */
    private static Map<String, Float> byMeaning(List<SemanticSearch.Near> candidates) {
        var out = new java.util.LinkedHashMap<String, Float>();
        candidates.forEach(n -> out.put(n.id(), n.similarity()));
        return out;
    }

    private static int lexicalCount(Execution run) {
        if (run.top() == null) {
            return 0;
        }
        int n = 0;
        for (ScoreDoc sd : run.top().scoreDocs) {
            if (sd.score > 0) {
                n++;
            }
        }
        return n;
    }

    private static float[] toArray(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static float[] similarities(List<SemanticSearch.Near> near) {
        float[] out = new float[near.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = near.get(i).similarity();
        }
        return out;
    }

    /**
     * The semantic candidates that satisfy the query's phrases, exclusions and filters, and are
     * still in the index (a passage may outlive its document for the moment its delete waits).
     */
    private Map<String, ScoreDoc> allowed(
            IndexSearcher searcher, UserQuery parsed, SearchRequest request, List<SemanticSearch.Near> near)
            throws IOException {
        if (near.isEmpty()) {
            return Map.of();
        }
        var query = new BooleanQuery.Builder()
                .add(
                        new TermInSetQuery(
                                Fields.ID,
                                near.stream().map(n -> new BytesRef(n.id())).toList()),
                        BooleanClause.Occur.FILTER);
        queries.phrases(parsed).forEach(q -> query.add(q, BooleanClause.Occur.FILTER));
        queries.exclusions(parsed).forEach(q -> query.add(q, BooleanClause.Occur.MUST_NOT));
        queries.filters(parsed, request).forEach(q -> query.add(q, BooleanClause.Occur.FILTER));
        TopDocs top = searcher.search(query.build(), near.size());
        var out = new java.util.HashMap<String, ScoreDoc>();
        String[] ids = DocIds.of(searcher, docNumbers(top.scoreDocs), Fields.ID_DV);
        for (int i = 0; i < ids.length; i++) {
            out.put(ids[i], top.scoreDocs[i]);
        }
        return out;
    }

    private static int[] docNumbers(ScoreDoc[] docs) {
        int[] out = new int[docs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = docs[i].doc;
        }
        return out;
    }

    /**
     * As {@link #execute}, but a document also matches when it is one of {@code allowed} (which
     * scores 0, so the words' ranking is unchanged), and at least {@link #FUSION_DEPTH} are read.
     */
    private Execution executeUnion(
            IndexSearcher searcher, UserQuery parsed, SearchRequest request, boolean fuzzy, Set<String> allowed)
            throws IOException {
        Query text = queries.text(parsed, fuzzy);
        var either = new BooleanQuery.Builder();
        if (text != null) {
            either.add(text, BooleanClause.Occur.SHOULD);
        }
        if (!allowed.isEmpty()) {
            Query ids = new TermInSetQuery(
                    Fields.ID, allowed.stream().map(BytesRef::new).toList());
            either.add(new BoostQuery(new ConstantScoreQuery(ids), 0f), BooleanClause.Occur.SHOULD);
        }
        if (text == null && allowed.isEmpty()) {
            return new Execution(null, null, null, 0);
        }
        var query = new BooleanQuery.Builder().add(either.build(), BooleanClause.Occur.MUST);
        queries.exclusions(parsed).forEach(q -> query.add(q, BooleanClause.Occur.MUST_NOT));
        queries.filters(parsed, request).forEach(q -> query.add(q, BooleanClause.Occur.FILTER));
        Query built = query.build();
        int wanted = Math.min(Math.max(request.offset() + request.limit(), FUSION_DEPTH), 10_000);
        var sort = new Sort(
                SortField.FIELD_SCORE,
                new SortField(Fields.UPDATED, SortField.Type.LONG, true),
                new SortedSetSortField(Fields.ID_DV, false));
        var result = FacetsCollectorManager.search(searcher, built, wanted, sort, true, new FacetsCollectorManager());
        // snippets come from the words' query: the ids clause has nothing to highlight
        return new Execution(
                text == null ? built : text,
                result.topDocs(),
                result.facetsCollector(),
                result.topDocs().totalHits.value());
    }

    private static boolean hasSelections(SearchRequest r) {
        return !r.types().isEmpty()
                || !r.tags().isEmpty()
                || !r.skills().isEmpty()
                || !r.authors().isEmpty()
                || !r.updated().isEmpty();
    }
}
