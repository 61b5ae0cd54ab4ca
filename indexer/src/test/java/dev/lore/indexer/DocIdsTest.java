package dev.lore.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Ids read from doc values are the stored ones, in the order asked, across segments. */
class DocIdsTest {
    @Test
    void readsTheSameValuesAsStoredFieldsInTheOrderAsked() throws IOException {
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int i = 0; i < 300; i++) {
                var d = new Document();
                if (i % 7 != 3) { // some documents have no id, as a page's passage has no page id
                    d.add(new KeywordField(Fields.ID_DV, "article:" + i, Field.Store.YES));
                }
                d.add(new StoredField("body", "x".repeat(i * 10)));
                writer.addDocument(d);
                if (i % 50 == 49) {
                    writer.commit(); // several segments
                }
            }
            writer.commit();
            try (var reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(1);
                var searcher = new IndexSearcher(reader);
                var docs = new ArrayList<Integer>();
                for (int i = 0; i < reader.maxDoc(); i++) {
                    docs.add(i);
                }
                docs.add(17); // asked twice
                docs.add(250);
                Collections.shuffle(docs, new Random(5));
                int[] asked = docs.stream().mapToInt(Integer::intValue).toArray();

                String[] ids = DocIds.of(searcher, asked, Fields.ID_DV);

                var stored = searcher.storedFields();
                for (int i = 0; i < asked.length; i++) {
                    assertThat(ids[i])
                            .isEqualTo(stored.document(asked[i], Set.of(Fields.ID_DV))
                                    .get(Fields.ID_DV));
                }
                assertThat(DocIds.of(searcher, new int[0], Fields.ID_DV)).isEmpty();
            }
        }
    }
}
