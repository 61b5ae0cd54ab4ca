package dev.lore.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * The {@link Fields#CREDITS_DV} value of an article or question: its id, slug and title (empty
 * when it has none), then each contributor's id, share (exact double), edits, last edit
 * (seconds and nanoseconds), lines added over the whole history and first edit, so what expert finding shows of a found document comes back with it,
 * in one read (the id from the sorted doc values would decompress a block of their terms).
 */
final class Credits {
    private Credits() {}

    static BytesRef encode(IndexDoc doc) {
        var out = new ByteBuffersDataOutput();
        try {
            out.writeString(doc.id());
            out.writeString(doc.slug() == null ? "" : doc.slug());
            out.writeString(doc.title() == null ? "" : doc.title());
            out.writeVInt(doc.credits().size());
            for (IndexDoc.Credit c : doc.credits()) {
                out.writeString(c.personId());
                out.writeLong(Double.doubleToLongBits(c.share()));
                out.writeVInt(Math.max(0, c.edits()));
                out.writeZLong(c.lastAt().getEpochSecond());
                out.writeVInt(c.lastAt().getNano());
                out.writeVInt(Math.max(0, c.added()));
                out.writeZLong(c.firstAt().getEpochSecond());
                out.writeVInt(c.firstAt().getNano());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the contributors of " + doc.id(), e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    static LoreIndex.Ranked decode(float score, BytesRef bytes) throws IOException {
        var in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        String documentId = in.readString();
        String slug = emptyToNull(in.readString());
        String title = emptyToNull(in.readString());
        int n = in.readVInt();
        var credits = new ArrayList<IndexDoc.Credit>(n);
        for (int i = 0; i < n; i++) {
            String person = in.readString();
            double share = Double.longBitsToDouble(in.readLong());
            int edits = in.readVInt();
            long seconds = in.readZLong();
            int nanos = in.readVInt();
            Instant lastAt = Instant.ofEpochSecond(seconds, nanos);
            int added = in.readVInt();
            Instant firstAt = Instant.ofEpochSecond(in.readZLong(), in.readVInt());
            credits.add(new IndexDoc.Credit(person, share, edits, lastAt, added, firstAt));
        }
        return LoreIndex.Ranked.of(documentId, score, slug, title, credits);
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
