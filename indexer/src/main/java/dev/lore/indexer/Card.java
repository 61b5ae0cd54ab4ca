package dev.lore.indexer;

import java.io.IOException;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * The {@link Fields#CARD_DV} value of a document: its id, type, slug and title, what a suggestion
 * shows. Read from doc values, a hit costs a few bytes instead of decompressing its stored fields,
 * which hold the whole body.
 */
record Card(String id, String type, String slug, String title) {
    static BytesRef encode(String id, String type, String slug, String title) {
        var out = new ByteBuffersDataOutput();
        out.writeString(id);
        out.writeString(type);
        out.writeString(slug == null ? "" : slug);
        out.writeString(title == null ? "" : title);
        return new BytesRef(out.toArrayCopy());
    }

    /** The card of {@code doc} (a doc id of {@code searcher}); null when the document has none. */
    static Card of(IndexSearcher searcher, int doc) throws IOException {
        var leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues cards = leaf.reader().getBinaryDocValues(Fields.CARD_DV);
        if (cards == null || !cards.advanceExact(doc - leaf.docBase)) {
            return null;
        }
        BytesRef bytes = cards.binaryValue();
        var in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        return new Card(in.readString(), in.readString(), in.readString(), in.readString());
    }
}
