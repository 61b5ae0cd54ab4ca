package dev.lore.indexer;

import dev.lore.indexer.LoreIndex.Ranked;
import dev.lore.indexer.LoreIndex.Scored;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * The documents most relevant to a topic, ranked as search ranks them but without facets, snippets
 * or spelling help: for routing questions and for expert finding, which reads a found article's or
 * question's contributors from its {@link Credits}. Thread-safe.
 */
final class TopicDocuments {
    private static final Set<String> SCORED_FIELDS = Set.of(Fields.ID, Fields.TYPE, Fields.SLUG, Fields.TITLE);

    private final Searchers searchers;
    private final QueryFactory queries;

    TopicDocuments(Searchers searchers, QueryFactory queries) {
        this.searchers = searchers;
        this.queries = queries;
    }

    /** See {@link LoreIndex#topDocuments}. */
    List<Scored> topDocuments(String text, List<String> types, int n) {
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

    /** See {@link LoreIndex#topIds(String, List, int, boolean)}. */
    List<Ranked> topIds(String text, List<String> types, int n, boolean proximity) {
        return top(text, types, n, proximity, (searcher, top) -> {
            var found = new Ranked[top.scoreDocs.length];
            // doc values are read forwards: visit the hits in document order, answer in rank order
            Integer[] byDoc = new Integer[top.scoreDocs.length];
            for (int i = 0; i < byDoc.length; i++) {
                byDoc[i] = i;
            }
            Arrays.sort(byDoc, Comparator.comparingInt(i -> top.scoreDocs[i].doc));
            var leaves = searcher.getIndexReader().leaves();
            int leafIndex = -1;
            SortedSetDocValues ids = null;
            BinaryDocValues credits = null;
            int docBase = 0;
            for (int i : byDoc) {
                int doc = top.scoreDocs[i].doc;
                int leaf = ReaderUtil.subIndex(doc, leaves);
                if (leaf != leafIndex) {
                    leafIndex = leaf;
                    docBase = leaves.get(leaf).docBase;
                    ids = null; // read only for a type without credits
                    credits = DocValues.getBinary(leaves.get(leaf).reader(), Fields.CREDITS_DV);
                }
                float score = top.scoreDocs[i].score;
                if (credits.advanceExact(doc - docBase)) {
                    found[i] = Credits.decode(score, credits.binaryValue());
                } else {
                    if (ids == null) {
                        ids = DocValues.getSortedSet(leaves.get(leaf).reader(), Fields.ID_DV);
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
        return searchers.read("cannot search the index", searcher -> {
            for (boolean fuzzy : new boolean[] {false, true}) {
                Query ranking = queries.text(parsed, fuzzy, proximity);
                if (ranking == null) {
                    return List.<T>of();
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
                TopDocs top = searcher.search(query.build(), new TopScoreDocCollectorManager(n, n));
                if (top.scoreDocs.length == 0 && !fuzzy && !parsed.words().isEmpty()) {
                    continue;
                }
                return hits.read(searcher, top);
            }
            return List.<T>of();
        });
    }
}
