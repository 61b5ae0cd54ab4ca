package dev.lore.indexer;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The search people run ({@link LoreIndex#search}): the query with facet selections, a fuzzy retry
 * when the words match nothing, a page of hits with highlighted snippets, facet counts and a
 * spelling suggestion. Thread-safe.
 */
final class Search {
    private static final Set<String> HIT_FIELDS =
            Set.of(Fields.ID, Fields.TYPE, Fields.SLUG, Fields.TITLE, Fields.TAGS, Fields.UPDATED);

    private final Searchers searchers;
    private final QueryFactory queries;
    private final Analyzer analyzer;
    private final Suggestions suggestions;

    Search(Searchers searchers, QueryFactory queries, Analyzer analyzer, Suggestions suggestions) {
        this.searchers = searchers;
        this.queries = queries;
        this.analyzer = analyzer;
        this.suggestions = suggestions;
    }

    /** See {@link LoreIndex#search}. */
    SearchResults run(SearchRequest request) {
        UserQuery parsed = UserQuery.parse(request.text());
        if (parsed.isEmpty() && !hasSelections(request)) {
            return SearchResults.empty();
        }
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
            return new SearchResults(
                    used.total(),
                    hits(searcher, used, request),
                    FacetCounts.count(used.facets(), request.now()),
                    didYouMean,
                    used != exact);
        });
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
        ScoreDoc[] page = Arrays.copyOfRange(all, Math.min(request.offset(), all.length), all.length);
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
}
