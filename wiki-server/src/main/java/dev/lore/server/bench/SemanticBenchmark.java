package dev.lore.server.bench;

import dev.lore.indexer.BgeSmallEmbedder;
import dev.lore.indexer.IndexDoc;
import dev.lore.indexer.LoreIndex;
import dev.lore.indexer.Ranking;
import dev.lore.indexer.SearchRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The cost of search by meaning, in the index alone (no graph, no HTTP): the same synthetic
 * articles in a lexical index and in a hybrid one; embedding throughput, index size, heap, and
 * query latency lexical vs hybrid at 1 and 8 clients, with the ratios. Not a test.
 */
public final class SemanticBenchmark {
    private static final int BATCH = 200;
    /** Queries asked before the measured ones, never among them. */
    private static final int WARM_UP = 50;
    /** The queries the repeated case asks again and again. */
    private static final int REPEATED = 50;

    private SemanticBenchmark() {}

    public static void run(int articles, int requests, PrintStream out) throws Exception {
        Path scratch = dev.lore.server.Scratch.create("lore-bench-semantic-");
        var corpus = new SyntheticCorpus(50_000, 1.07, 42);
        var random = new Random(7);
        var docs = new ArrayList<IndexDoc>(articles);
        var docRandom = new Random(11);
        for (int i = 0; i < articles; i++) {
            SyntheticCorpus.Doc d = corpus.doc(i, docRandom);
            docs.add(new IndexDoc(
                    "article:" + i,
                    "article",
                    "a" + i,
                    d.title(),
                    d.body(),
                    d.tags(),
                    List.of(),
                    List.of("Bench"),
                    Instant.EPOCH));
        }
        long heapBefore = usedHeap();
        try (var lexical = LoreIndex.open(scratch.resolve("lexical"));
                var hybrid = LoreIndex.open(scratch.resolve("hybrid"), Optional.of(BgeSmallEmbedder.load()))) {
            long lexStart = System.nanoTime();
            apply(lexical, docs);
            double lexSeconds = (System.nanoTime() - lexStart) / 1e9;
            long modelHeap = usedHeap() - heapBefore;
            long start = System.nanoTime();
            apply(hybrid, docs);
            while (!hybrid.awaitEmbeddings(Duration.ofSeconds(30))) {
                out.printf("embedding: %s%n", hybrid.embeddingProgress());
            }
            hybrid.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            long passages = hybrid.passagesEmbedded();
            long withVectorsHeap = usedHeap() - heapBefore;
            long lexBytes = size(scratch.resolve("lexical"));
            long hybridBytes = size(scratch.resolve("hybrid"));
            out.printf("%n%d synthetic articles, %d passages%n", articles, passages);
            out.printf("| | lexical | hybrid | ratio |%n|---|---|---|---|%n");
            out.printf(
                    "| indexing (s) | %.1f | %.1f (embedding %.0f passages/s) | %.1fx |%n",
                    lexSeconds, seconds, passages / seconds, seconds / lexSeconds);
            out.printf(
                    "| index on disk (MB) | %.1f | %.1f | %.2fx |%n",
                    lexBytes / 1e6, hybridBytes / 1e6, (double) hybridBytes / lexBytes);
            out.printf(
                    "| heap used after GC (MB, model + both indexes' readers) | | %.0f after the model, %.0f with vectors | |%n",
                    modelHeap / 1e6, withVectorsHeap / 1e6);
            // every measured query distinct and never seen before (the query-vector cache is
            // emptied first and the warm-up asks other queries): each hybrid query runs the model
            List<String> distinct = List.copyOf(new LinkedHashSet<>(corpus.queries(4 * requests + 400, random)));
            List<String> warmUp = distinct.subList(0, WARM_UP);
            List<String> measured = distinct.subList(WARM_UP, distinct.size());
            // people asking the same few things again (and paging, refining): after the warm-up
            // every hybrid query's vector is in the cache
            List<String> repeated = measured.subList(0, REPEATED);
            for (int clients : new int[] {1, 8}) {
                row(
                        out,
                        "distinct queries, " + clients + " client(s)",
                        clients,
                        requests,
                        warmUp,
                        measured,
                        lexical,
                        hybrid);
            }
            for (int clients : new int[] {1, 8}) {
                row(
                        out,
                        "repeated queries (" + REPEATED + ", vectors cached), " + clients + " client(s)",
                        clients,
                        requests,
                        repeated,
                        repeated,
                        lexical,
                        hybrid);
            }
        }
    }

    private static void row(
            PrintStream out,
            String label,
            int clients,
            int requests,
            List<String> warmUp,
            List<String> queries,
            LoreIndex lexical,
            LoreIndex hybrid)
            throws Exception {
        if (queries.size() < requests && warmUp != queries) {
            throw new IllegalArgumentException("too few distinct queries for " + requests + " requests");
        }
        SearchBenchmark.Latency lex = SearchBenchmark.measure(
                clients, requests, warmUp, queries, q -> lexical.search(new SearchRequest(q, 0, 10), Ranking.LEXICAL));
        hybrid.forgetQueryVectors();
        SearchBenchmark.Latency hyb = SearchBenchmark.measure(
                clients,
                requests,
                warmUp,
                queries,
                q -> hybrid.search(new SearchRequest(q, 0, 10), hybrid.defaultRanking()));
        out.printf(
                "| %s: p50 / p99 (ms) | %.1f / %.1f | %.1f / %.1f | %.1fx / %.1fx |%n",
                label,
                lex.p50Millis(),
                lex.p99Millis(),
                hyb.p50Millis(),
                hyb.p99Millis(),
                hyb.p50Millis() / lex.p50Millis(),
                hyb.p99Millis() / lex.p99Millis());
    }

    private static void apply(LoreIndex index, List<IndexDoc> docs) {
        for (int i = 0; i < docs.size(); i += BATCH) {
            index.apply(docs.subList(i, Math.min(docs.size(), i + BATCH)), List.of(), i / BATCH + 1);
        }
    }

    private static long usedHeap() {
        var rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long size(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
