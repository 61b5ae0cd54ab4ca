package dev.lore.indexer;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;

/**
 * A single-valued keyword read from doc values for many documents at once, in the order given. A
 * hybrid query reads the id of a few hundred documents (passages and candidates); from stored
 * fields each would decompress a block that also holds long bodies, from doc values it is a lookup.
 */
final class DocIds {
    private DocIds() {}

    /**
     * The value of {@code field} (a {@link org.apache.lucene.document.KeywordField}) for each of
     * {@code docs} (the searcher's document numbers, any order), null where a document has none.
     */
    static String[] of(IndexSearcher searcher, int[] docs, String field) throws IOException {
        var out = new String[docs.length];
        if (docs.length == 0) {
            return out;
        }
        // doc values are read forward only: visit the documents in increasing order
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        SortedSetDocValues values = null;
        int previous = -1;
        for (int i : order) {
            int doc = docs[i];
            if (previous >= 0 && docs[previous] == doc) { // an iterator cannot go back to its document
                out[i] = out[previous];
                continue;
            }
            previous = i;
            int at = ReaderUtil.subIndex(doc, leaves);
            if (at != leafIndex) {
                leafIndex = at;
                leaf = leaves.get(at);
                values = leaf.reader().getSortedSetDocValues(field);
            }
            if (values != null && values.advanceExact(doc - leaf.docBase)) {
                out[i] = values.lookupOrd(values.nextOrd()).utf8ToString();
            }
        }
        return out;
    }
}
