package dev.lore.server.bench;

import dev.lore.graph.article.Article;
import dev.lore.graph.attachment.AttachmentStore;
import dev.lore.graph.attachment.NewVersion;
import dev.lore.server.Config;
import dev.lore.server.Lore;
import dev.lore.server.article.ArticleInput;
import dev.lore.server.search.SearchService;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Not a test: search latency with attachments indexed next to the articles, against the same
 * articles without them, in one Lore (the search service in process, one client). Articles are
 * made in batches; attachments are written straight to the graph with their extracted text (no
 * bytes, no Tika: what search sees is the same) and indexed in one catch-up. The "without" figure
 * is measured twice, after three unmeasured rounds that warm the JIT up, so the noise of a loaded
 * machine shows next to the ratio. Asserts nothing.
 * Arguments: articles (default 10,000), attachments (10,000), queries per measurement (2,000).
 * How to run it: docs/PERFORMANCE.md.
 */
public final class AttachmentSearchBenchmark {
    /** Rounds of the queries run before the first measurement: without them the later rounds win by JIT alone. */
    private static final int WARM_UP_ROUNDS = 3;

    private AttachmentSearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        var corpus = new SyntheticCorpus(50_000, 1.07, 42);
        var random = new Random(7);
        var queries = corpus.queries(500, random);
        Path scratch = dev.lore.server.Scratch.create("lore-bench-file-search-");
        Config config = Config.fromEnvironment(System.getenv())
                .withDataDir(scratch.resolve("data"))
                .withSeed(false);
        try (Lore lore = Lore.open(config)) {
            var docs = new Random(11);
            var slugs = new ArrayList<String>();
            var batch = new ArrayList<ArticleInput>();
            for (int i = 0; i < articles; i++) {
                var doc = corpus.doc(i, docs);
                batch.add(new ArticleInput(
                        Optional.of(doc.title()),
                        doc.body(),
                        Optional.of(doc.tags()),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("benchmark")));
                if (batch.size() == 200 || i == articles - 1) {
                    lore.articles().createBatch(batch, Lore.ADMIN_ID, Instant.now()).stream()
                            .map(Article::slug)
                            .forEach(slugs::add);
                    batch.clear();
                }
            }
            lore.index().commit();
            System.out.printf("%d articles indexed%n", slugs.size());
            for (int round = 0; round < WARM_UP_ROUNDS; round++) { // the JIT and the caches, not measured
                measure(lore, requests, queries);
            }
            SearchBenchmark.Latency without1 = measure(lore, requests, queries);
            SearchBenchmark.Latency without2 = measure(lore, requests, queries);

            var store = new AttachmentStore(lore.graph());
            var fileDocs = new Random(13);
            long start = System.nanoTime();
            for (int from = 0; from < files; from += 500) {
                int first = from;
                lore.graph().inOneTransaction(() -> {
                    for (int i = first; i < Math.min(files, first + 500); i++) {
                        var doc = corpus.doc(articles + i, fileDocs);
                        String text = doc.title() + "\n" + doc.body();
                        var a = store.attach(
                                "article",
                                slugs.get(i % slugs.size()),
                                new NewVersion(
                                        "file-" + i + ".pdf",
                                        "application/pdf",
                                        text.length(),
                                        String.format("%064x", i),
                                        Lore.ADMIN_ID,
                                        Instant.now()));
                        store.setText(a.id(), 1, text);
                    }
                    return null;
                });
            }
            lore.sync().catchUp();
            lore.index().commit();
            System.out.printf(
                    "%d attachments written and indexed in %.0f s%n", files, (System.nanoTime() - start) / 1e9);
            SearchBenchmark.Latency with1 = measure(lore, requests, queries);
            SearchBenchmark.Latency with2 = measure(lore, requests, queries);
            System.out.printf(
                    "%n| articles | attachments | p50 without (ms) | p99 without | p50 with (ms) | p99 with | p50 ratio | p99 ratio |%n"
                            + "|---|---|---|---|---|---|---|---|%n");
            System.out.printf(
                    "| %d | 0 (noise: second run) | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                    articles,
                    without1.p50Millis(),
                    without1.p99Millis(),
                    without2.p50Millis(),
                    without2.p99Millis(),
                    without2.p50Millis() / without1.p50Millis(),
                    without2.p99Millis() / without1.p99Millis());
            double p50Without = Math.min(without1.p50Millis(), without2.p50Millis());
            double p99Without = Math.min(without1.p99Millis(), without2.p99Millis());
            double p50With = Math.min(with1.p50Millis(), with2.p50Millis());
            double p99With = Math.min(with1.p99Millis(), with2.p99Millis());
            System.out.printf(
                    "| %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                    articles,
                    files,
                    p50Without,
                    p99Without,
                    p50With,
                    p99With,
                    p50With / p50Without,
                    p99With / p99Without);
        } finally {
            dev.lore.server.Scratch.delete(scratch);
        }
    }

    private static SearchBenchmark.Latency measure(Lore lore, int requests, List<String> queries) throws Exception {
        return SearchBenchmark.measure(
                1,
                requests,
                queries,
                q -> lore.search()
                        .search(
                                SearchService.query(q, List.of(), List.of(), List.of(), List.of(), "", "", 1, 10),
                                Optional.empty()));
    }
}
