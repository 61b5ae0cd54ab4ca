package dev.lore.indexer;

import static dev.lore.indexer.TestDocs.slugs;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large batch (a build from the graph) is written by several threads; what is searchable
 * afterwards is what writing it in order gives.
 */
class LargeBatchTest {
    @TempDir
    Path dir;

    private static IndexDoc doc(int n, String word) {
        return new IndexDoc(
                "article:" + n,
                "article",
                "page-" + n,
                "Page " + n,
                word + " marker" + n,
                List.of(),
                List.of(),
                List.of("Ana Silva"),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static List<IndexDoc> docs(int count, String word) {
        var docs = new ArrayList<IndexDoc>();
        for (int i = 0; i < count; i++) {
            docs.add(doc(i, word));
        }
        return docs;
    }

    private static long hits(LoreIndex index, String q) {
        return index.search(new SearchRequest(q, 0, 10)).total();
    }

    @Test
    void everyDocumentOfABatchWrittenByManyThreadsIsSearchableOnceAndReplacedWhenWrittenAgain() {
        try (var index = LoreIndex.open(dir)) {
            index.writerThreads(4);
            index.apply(docs(300, "walrus"), List.of(), 7);

            assertThat(index.docCount()).isEqualTo(300);
            assertThat(index.appliedSeq()).isEqualTo(7);
            assertThat(hits(index, "walrus")).isEqualTo(300);
            for (int n : new int[] {0, 74, 75, 150, 299}) { // first and last of the threads' parts
                assertThat(hits(index, "marker" + n)).as("page %d", n).isEqualTo(1);
            }

            index.apply(docs(300, "otter"), List.of(), 8);

            assertThat(index.docCount()).isEqualTo(300);
            assertThat(hits(index, "walrus")).isZero();
            assertThat(hits(index, "otter")).isEqualTo(300);
        }
    }

    @Test
    void aBatchWithTheSameIdTwiceKeepsTheLaterDocument() {
        try (var index = LoreIndex.open(dir)) {
            index.writerThreads(4);
            var docs = new ArrayList<>(docs(200, "walrus"));
            docs.add(doc(3, "otter")); // page 3 again, after its first version: in another thread's part

            index.apply(docs, List.of(), 1);

            assertThat(index.docCount()).isEqualTo(200);
            assertThat(hits(index, "otter")).isEqualTo(1);
            assertThat(hits(index, "walrus")).isEqualTo(199);
        }
    }

    @Test
    void deletesInABatchApplyAfterItsDocuments() {
        try (var index = LoreIndex.open(dir)) {
            index.writerThreads(4);
            index.apply(docs(100, "walrus"), List.of("article:5", "article:60"), 1);

            assertThat(index.docCount()).isEqualTo(98);
            assertThat(slugs(index, "marker5")).doesNotContain("page-5"); // a near word may be found instead
            assertThat(slugs(index, "marker60")).doesNotContain("page-60");
            assertThat(slugs(index, "marker61")).containsExactly("page-61");
        }
    }
}
