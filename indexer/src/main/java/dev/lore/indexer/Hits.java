package dev.lore.indexer;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** A page of search hits: each document's stored fields and its highlighted snippet. */
final class Hits {
    private static final Set<String> HIT_FIELDS =
            Set.of(Fields.ID, Fields.TYPE, Fields.SLUG, Fields.TITLE, Fields.TAGS, Fields.UPDATED);

    private final Analyzer analyzer;

    Hits(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    List<SearchHit> of(IndexSearcher searcher, Query query, ScoreDoc[] page, Map<Integer, SemanticSearch.Near> passages)
            throws IOException {
        String[] snippets = highlight(searcher, query, page);
        var hits = new ArrayList<SearchHit>(page.length);
        var storedFields = searcher.storedFields();
        for (int i = 0; i < page.length; i++) {
            Document d = storedFields.document(page[i].doc, HIT_FIELDS); // not the body: it can be long
            hits.add(new SearchHit(
                    d.get(Fields.ID),
                    d.get(Fields.TYPE),
                    d.get(Fields.SLUG),
                    d.get(Fields.TITLE),
                    snippet(snippets[i], passages.get(page[i].doc), storedFields, page[i].doc),
                    Float.isNaN(page[i].score) ? 0 : page[i].score,
                    List.of(d.getValues(Fields.TAGS)),
                    Instant.ofEpochMilli(
                            d.getField(Fields.UPDATED).numericValue().longValue())));
        }
        return hits;
    }

    /**
     * The highlighted snippet; for a hit found by meaning alone (nothing to highlight), the start of
     * the passage that matched instead of the start of the page.
     */
    private static String snippet(
            String highlighted, SemanticSearch.Near near, org.apache.lucene.index.StoredFields stored, int doc)
            throws IOException {
        String s = highlighted == null ? "" : highlighted;
        if (near == null || s.contains("<mark>")) {
            return s;
        }
        int[] bounds = SemanticSearch.bounds(stored, near);
        int start = bounds[0];
        int end = bounds[1];
        if (end <= start) {
            return s;
        }
        String body = stored.document(doc, Set.of(Fields.BODY)).get(Fields.BODY);
        if (body == null) {
            return s;
        }
        String passage = body.substring(Math.min(start, body.length()), Math.min(end, body.length()))
                .strip();
        if (passage.length() > Search.SNIPPET_CHARS) {
            int cut = passage.lastIndexOf(' ', Search.SNIPPET_CHARS);
            passage = passage.substring(0, cut > 0 ? cut : Search.SNIPPET_CHARS) + " …";
        }
        return escape(passage);
    }

    private static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
        return out.toString();
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
