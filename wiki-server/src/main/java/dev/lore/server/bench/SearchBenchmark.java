package dev.lore.server.bench;

import dev.lore.server.Config;
import dev.lore.server.Lore;
import dev.lore.server.article.ArticleInput;
import dev.lore.server.seed.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;

/**
 * The search benchmark: a synthetic wiki imported through Lore (graph, then index) next to a plain
 * Lucene IndexWriter on the same documents, then the same queries over HTTP against Lore at 1, 8
 * and 32 concurrent clients and against a plain IndexSearcher in process. Prints one table; the
 * ratios Lore/plain Lucene are the figures to watch. Not a test: it asserts nothing.
 */
public final class SearchBenchmark {
    private static final int BATCH = 200;
    private static final int[] CLIENTS = {1, 8, 32};

    private SearchBenchmark() {}

    /** Figures for one way of searching at one concurrency. */
    record Latency(double p50Millis, double p99Millis, double perSecond) {}

    public static void run(int articles, int requestsPerLevel, Config base, PrintStream out) throws Exception {
        Path scratch = dev.lore.server.Scratch.create("lore-bench-");
        var corpus = new SyntheticCorpus(50_000, 1.07, 42);
        var random = new Random(7);
        var queries = corpus.queries(500, random);

        // Plain Lucene on the same documents: the yardstick for indexing.
        Path plainDir = scratch.resolve("plain");
        long plainStart = System.nanoTime();
        try (var dir = FSDirectory.open(plainDir);
                var writer = new IndexWriter(dir, new IndexWriterConfig(new EnglishAnalyzer()))) {
            forEachDoc(corpus, articles, doc -> {
                var d = new Document();
                d.add(new TextField("contents", doc.title() + "\n" + doc.body(), Field.Store.NO));
                d.add(new TextField("title", doc.title(), Field.Store.YES));
                try {
                    writer.addDocument(d);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.commit();
        }
        double plainIndexPerSecond = articles / ((System.nanoTime() - plainStart) / 1e9);
        out.printf("plain Lucene indexed %d documents: %.0f docs/s%n", articles, plainIndexPerSecond);

        Config config =
                base.withDataDir(scratch.resolve("lore")).withSeed(false).withPort(0);
        try (Lore lore = Lore.open(config)) {
            long loreStart = System.nanoTime();
            var batch = new ArrayList<ArticleInput>(BATCH);
            int[] done = {0};
            Progress progress = (n, total, what) -> {
                if (n % 5_000 == 0 || n == total) {
                    out.printf("Lore imported %d/%d %s%n", n, total, what);
                }
            };
            forEachDoc(corpus, articles, doc -> {
                batch.add(new ArticleInput(
                        Optional.of(doc.title()),
                        doc.body(),
                        Optional.of(doc.tags()),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("benchmark")));
                if (batch.size() == BATCH) {
                    lore.articles().createBatch(batch, Lore.ADMIN_ID, Instant.now());
                    done[0] += batch.size();
                    progress.update(done[0], articles, "articles");
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                lore.articles().createBatch(batch, Lore.ADMIN_ID, Instant.now());
                progress.update(articles, articles, "articles");
            }
            lore.index().commit();
            double loreImportPerSecond = articles / ((System.nanoTime() - loreStart) / 1e9);

            Latency indexOnly = measure(
                    1,
                    requestsPerLevel,
                    queries,
                    q -> lore.index().search(new dev.lore.indexer.SearchRequest(q, 0, 10)));
            Latency service = measure(
                    1,
                    requestsPerLevel,
                    queries,
                    q -> lore.search()
                            .search(
                                    dev.lore.server.search.SearchService.query(
                                            q, List.of(), List.of(), List.of(), List.of(), "", "", 1, 10),
                                    Optional.empty()));
            out.printf(
                    "in process, 1 client: Lore index p50 %.1f ms p99 %.1f ms; search service p50 %.1f ms p99 %.1f ms%n",
                    indexOnly.p50Millis(), indexOnly.p99Millis(), service.p50Millis(), service.p99Millis());
            var web = lore.serve();
            var http = HttpClient.newHttpClient();
            String base0 = "http://localhost:" + web.port() + "/api/search?size=10&q=";
            var rows = new ArrayList<String>();
            try (var reader = DirectoryReader.open(FSDirectory.open(plainDir))) {
                var searcher = new IndexSearcher(reader);
                var analyzer = new EnglishAnalyzer();
                for (int clients : CLIENTS) {
                    Latency overHttp = measure(clients, requestsPerLevel, queries, q -> {
                        var request = HttpRequest.newBuilder(
                                        URI.create(base0 + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                .build();
                        try {
                            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException("search answered " + response.statusCode());
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                    });
                    Latency plain = measure(clients, requestsPerLevel, queries, q -> {
                        try {
                            // QueryParser is not thread-safe: one per call, as each request would have
                            Query query = new QueryParser("contents", analyzer).parse(QueryParser.escape(q));
                            searcher.search(query, 10);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    rows.add(String.format(
                            "| %d | %.1f | %.1f | %.0f | %.2f | %.2f | %.0f | %.0fx |",
                            clients,
                            overHttp.p50Millis(),
                            overHttp.p99Millis(),
                            overHttp.perSecond(),
                            plain.p50Millis(),
                            plain.p99Millis(),
                            plain.perSecond(),
                            plain.perSecond() / overHttp.perSecond()));
                }
            }
            out.printf(
                    "%n| articles | Lore import (articles/s) | plain Lucene indexing (docs/s) | ratio |%n|---|---|---|---|%n| %d | %.0f | %.0f | %.1fx |%n",
                    articles, loreImportPerSecond, plainIndexPerSecond, plainIndexPerSecond / loreImportPerSecond);
            out.printf(
                    "%n| clients | Lore HTTP p50 (ms) | p99 (ms) | queries/s | plain IndexSearcher p50 (ms) | p99 (ms) | queries/s | plain/Lore |%n|---|---|---|---|---|---|---|---|%n");
            rows.forEach(out::println);
        }
    }

    private static void forEachDoc(SyntheticCorpus corpus, int articles, Consumer<SyntheticCorpus.Doc> sink) {
        var random = new Random(11); // the same documents for Lore and for plain Lucene
        for (int i = 0; i < articles; i++) {
            sink.accept(corpus.doc(i, random));
        }
    }

    static Latency measure(int clients, int requests, List<String> queries, Consumer<String> call) throws Exception {
        for (int i = 0; i < Math.min(50, requests); i++) { // warm up
            call.accept(queries.get(i % queries.size()));
        }
        long[] nanos = new long[requests];
        ExecutorService pool = Executors.newFixedThreadPool(
                clients, Thread.ofPlatform().name("bench-client-", 0).factory());
        try {
            long start = System.nanoTime();
            var futures = new ArrayList<Future<?>>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    for (int i = client; i < requests; i += clients) {
                        long t = System.nanoTime();
                        call.accept(queries.get(i % queries.size()));
                        nanos[i] = System.nanoTime() - t;
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(nanos);
            return new Latency(nanos[requests / 2] / 1e6, nanos[(int) (requests * 0.99)] / 1e6, requests / seconds);
        } finally {
            pool.shutdownNow();
        }
    }
}
