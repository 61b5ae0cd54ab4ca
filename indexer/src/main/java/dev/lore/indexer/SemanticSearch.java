package dev.lore.indexer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;

/**
 * The documents nearest in meaning: an HNSW search over passage vectors, grouped by document (a
 * document scores by its best passage). Thread-safe.
 */
final class SemanticSearch {
    /** Passages asked of the HNSW graph; several may belong to one document. */
    static final int PASSAGES = 300;
    /** Documents kept from them, best first. */
    static final int DOCUMENTS = 100;

    private static final Set<String> PASSAGE_FIELDS = Set.of(Fields.PASSAGE_START, Fields.PASSAGE_END);

    /**
     * A document near the query: its id, its best passage's cosine similarity and that passage's
     * document number in the searcher that found it (where it sits in the body is read only for a
     * hit shown without highlights, {@link #bounds}).
     */
    record Near(String id, float similarity, int passageDoc) {}

    private final Embedder embedder;
    private final QueryVectors recent;

    SemanticSearch(Embedder embedder) {
        this(embedder, QueryVectors.CAPACITY);
    }

    /** @param cached how many recent query vectors are kept (0: none) */
    SemanticSearch(Embedder embedder, int cached) {
        this.embedder = embedder;
        this.recent = new QueryVectors(cached);
    }

    /** The query's vector: a recent query's from the cache, else from the model. Do not change it. */
    float[] embed(String text) {
        return recent.get(text, embedder::query);
    }

    QueryVectors recent() {
        return recent;
    }

    /** Up to {@code documents} documents, best first, leaving out {@code excludedId}. */
    List<Near> nearest(IndexSearcher searcher, float[] vector, int documents, String excludedId) throws IOException {
        TopDocs top = searcher.search(new KnnFloatVectorQuery(Fields.PASSAGE_VECTOR, vector, PASSAGES), PASSAGES);
        int[] docs = new int[top.scoreDocs.length];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = top.scoreDocs[i].doc;
        }
        String[] ids = DocIds.of(searcher, docs, Fields.PASSAGE_OF);
        var byDoc = new LinkedHashMap<String, Near>();
        for (int i = 0; i < docs.length; i++) {
            String id = ids[i];
            if (id == null || id.equals(excludedId) || byDoc.containsKey(id)) {
                continue;
            }
            // DOT_PRODUCT scores are (1 + cosine) / 2
            byDoc.put(id, new Near(id, 2 * top.scoreDocs[i].score - 1, docs[i]));
            if (byDoc.size() == documents) {
                break;
            }
        }
        return new ArrayList<>(byDoc.values());
    }

    /** Where a passage found by {@link #nearest} sits in its document's body: start and end. */
    static int[] bounds(org.apache.lucene.index.StoredFields stored, Near near) throws IOException {
        Document d = stored.document(near.passageDoc(), PASSAGE_FIELDS);
        return new int[] {
            d.getField(Fields.PASSAGE_START).numericValue().intValue(),
            d.getField(Fields.PASSAGE_END).numericValue().intValue()
        };
    }

    /** The mean of a document's passage vectors, normalized; empty when it has none (yet). */
    static java.util.Optional<float[]> documentVector(IndexSearcher searcher, String id) throws IOException {
        Weight weight = searcher.createWeight(
                searcher.rewrite(new TermQuery(new Term(Fields.PASSAGE_OF, id))),
                org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES,
                1);
        float[] sum = null;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            var scorer = weight.scorer(leaf);
            FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.PASSAGE_VECTOR);
            if (scorer == null || values == null) {
                continue;
            }
            KnnVectorValues.DocIndexIterator vectors = values.iterator();
            var docs = scorer.iterator();
            var live = leaf.reader().getLiveDocs();
            for (int doc = docs.nextDoc();
                    doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                    doc = docs.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                if (vectors.docID() < doc) {
                    vectors.advance(doc);
                }
                if (vectors.docID() != doc) {
                    continue;
                }
                float[] v = values.vectorValue(vectors.index());
                if (sum == null) {
                    sum = new float[v.length];
                }
                for (int i = 0; i < v.length; i++) {
                    sum[i] += v[i];
                }
            }
        }
        return java.util.Optional.ofNullable(sum).map(BgeSmallEmbedder::unit);
    }

    /** Reciprocal rank fusion: each list adds 1 / (k + rank) for the documents it ranks. */
    static Map<String, Float> reciprocalRank(List<String> lexical, List<String> semantic, int k) {
        var fused = new LinkedHashMap<String, Float>();
        for (int i = 0; i < lexical.size(); i++) {
            fused.merge(lexical.get(i), 1f / (k + i + 1), Float::sum);
        }
        for (int i = 0; i < semantic.size(); i++) {
            fused.merge(semantic.get(i), 1f / (k + i + 1), Float::sum);
        }
        return fused;
    }

    /**
     * A linear blend: each list's scores scaled to 0-1 by its own best and worst, weighted; a
     * document one list does not rank gets 0 from it.
     */
    static Map<String, Float> blend(
            List<String> lexical, float[] lexicalScores, List<String> semantic, float[] similarities, float weight) {
        var fused = new LinkedHashMap<String, Float>();
        addScaled(fused, lexical, lexicalScores, 1 - weight);
        addScaled(fused, semantic, similarities, weight);
        return fused;
    }

    private static void addScaled(Map<String, Float> fused, List<String> ids, float[] scores, float weight) {
        if (ids.isEmpty()) {
            return;
        }
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (int i = 0; i < ids.size(); i++) {
            max = Math.max(max, scores[i]);
            min = Math.min(min, scores[i]);
        }
        float range = max - min;
        for (int i = 0; i < ids.size(); i++) {
            float scaled = range == 0 ? 1 : (scores[i] - min) / range;
            fused.merge(ids.get(i), weight * scaled, Float::sum);
        }
    }
}
