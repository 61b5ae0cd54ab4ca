package dev.lore.server.bench;

import dev.lore.server.Scratch;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Several Lore servers on one database, measured as operators run them: {@code lore graph} in one
 * process and N {@code lore serve} processes on it, each with its own data directory and port. A
 * mixed load (80% article reads, 10% searches, 10% new articles) goes over HTTP to one server, then
 * spread over all; each tier's CPU time is read from the operating system before and after and
 * divided by the requests. Then index convergence (a write on one server, timed until another
 * server's search finds it) and the index build of a server started on an empty data directory. On
 * one machine the processes share its cores, so the throughput ratio shows the cost of
 * coordination, not the gain of more machines; the CPU per request is what sizing needs.
 */
public final class ScaleBenchmark {
    private static final String PASSWORD = "bench-password-1";
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final Pattern BOLT = Pattern.compile("Bolt listening on (bolt://\\S+)");
    private static final Pattern HTTP = Pattern.compile("Lore is listening on (http://\\S+)");
    private static final int CONVERGENCE_WRITES = 40;

    private ScaleBenchmark() {}

    /** One run's figures: latencies, and the CPU time each tier spent on it. */
    record Result(
            int servers, int requests, double seconds, List<Long> latencyMicros, Duration loreCpu, Duration graphCpu) {
        double perSecond() {
            return requests / seconds;
        }
    }

    public static void run(int servers, int requests, int clients, int articles, PrintStream out)
            throws InterruptedException, IOException {
        Path dir = Scratch.create("lore-bench-scale-");
        var lores = new ArrayList<LoreProcess>();
        LoreProcess graph = LoreProcess.start("graph", env(dir.resolve("graph"), null), "1g", "graph");
        try {
            String bolt = graph.await(BOLT, PATIENCE).group(1);
            var urls = new ArrayList<URI>();
            for (int i = 0; i < servers; i++) { // one after the other: the first creates the admin
                urls.add(startServer(dir.resolve("server-" + i), bolt, "server-" + i, lores, true));
            }
            var bench = new ScaleLoad(HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(30))
                    .build());
            String token = bench.login(urls.getFirst(), PASSWORD);
            var slugs = Collections.synchronizedList(new ArrayList<String>());
            parallel(clients, articles, i -> slugs.add(bench.create(urls.get(i % urls.size()), token, "Seeded " + i)));
            for (URI url : urls) {
                bench.awaitReady(url, PATIENCE);
            }
            out.printf(
                    "bench-scale: %d servers and the database as separate processes, %d requests per run,"
                            + " %d clients, %d articles%n",
                    servers, requests, clients, articles);
            out.println("servers  req/s   ratio  p50 ms  p99 ms  Lore CPU ms/req  database CPU ms/req");
            Result one = load(bench, List.of(urls.getFirst()), lores, graph, token, slugs, requests, clients);
            print(out, one, one);
            if (servers > 1) {
                print(out, load(bench, urls, lores, graph, token, slugs, requests, clients), one);
                convergence(bench, urls, token, out);
            }
            URI fresh = startServer(dir.resolve("fresh"), bolt, "fresh", lores, false);
            long started = System.nanoTime();
            bench.awaitReady(fresh, PATIENCE);
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(
                    "fresh server: index built from the graph in %.1f s after it listened, %d articles (%.0f articles/s)%n",
                    seconds, slugs.size(), slugs.size() / seconds);
        } finally { // the servers before their database
            for (int i = lores.size() - 1; i >= 0; i--) {
                lores.get(i).close();
            }
            graph.close();
        }
    }

    private static URI startServer(Path dataDir, String bolt, String name, List<LoreProcess> lores, boolean ready)
            throws IOException, InterruptedException {
        LoreProcess server = LoreProcess.start(name, env(dataDir, bolt), "1g", "serve");
        lores.add(server);
        URI url = URI.create(server.await(HTTP, PATIENCE).group(1));
        if (ready) {
            new ScaleLoad(HttpClient.newHttpClient()).awaitReady(url, PATIENCE);
        }
        return url;
    }

    private static Map<String, String> env(Path dataDir, String bolt) {
        var env = new HashMap<String, String>();
        env.put("LORE_DATA_DIR", dataDir.toString());
        env.put("LORE_NEO4J_PASSWORD", PASSWORD);
        env.put("LORE_SEED", "false");
        if (System.getenv("LORE_SEMANTIC") == null) {
            env.put("LORE_SEMANTIC", "false");
        }
        if (bolt == null) {
            env.put("LORE_GRAPH_LISTEN", "127.0.0.1:0");
            env.put("LORE_NEO4J_PAGECACHE", "256m");
        } else {
            env.put("LORE_PORT", "0");
            env.put("LORE_NEO4J_URI", bolt);
            env.put("LORE_NEO4J_USER", "neo4j");
            env.put("LORE_ADMIN_PASSWORD", PASSWORD);
        }
        return env;
    }

    private static Result load(
            ScaleLoad bench,
            List<URI> urls,
            List<LoreProcess> lores,
            LoreProcess graph,
            String token,
            List<String> slugs,
            int requests,
            int clients)
            throws InterruptedException {
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        Duration loreBefore = cpu(lores);
        Duration graphBefore = graph.cpu();
        long started = System.nanoTime();
        parallel(clients, requests, i -> {
            URI url = urls.get(i % urls.size());
            int kind = ThreadLocalRandom.current().nextInt(10);
            long t0 = System.nanoTime();
            if (kind == 0) {
                slugs.add(bench.create(url, token, "Load " + i));
            } else if (kind == 1) {
                bench.get(url, "/api/search?q=load", token);
            } else {
                bench.get(
                        url,
                        "/api/articles/" + slugs.get(ThreadLocalRandom.current().nextInt(slugs.size())),
                        token);
            }
            latencies.add((System.nanoTime() - t0) / 1000);
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(
                urls.size(),
                requests,
                seconds,
                List.copyOf(latencies),
                cpu(lores).minus(loreBefore),
                graph.cpu().minus(graphBefore));
    }

    /**
     * A write on one server, timed from its acknowledgement until another server's search finds it
     * (that server reads the graph's change counter every {@code LORE_INDEX_POLL_MS}, 250 ms unless
     * set in this process's environment, which the servers inherit), one write at a time.
     */
    private static void convergence(ScaleLoad bench, List<URI> urls, String token, PrintStream out)
            throws InterruptedException {
        var times = new ArrayList<Long>();
        for (int i = 0; i < CONVERGENCE_WRITES; i++) {
            URI writer = urls.get(i % urls.size());
            URI reader = urls.get((i + 1) % urls.size());
            String word = ScaleLoad.word(i);
            String slug = bench.create(writer, token, "Converging " + word);
            long acknowledged = System.nanoTime();
            while (!bench.get(reader, "/api/search?q=" + word, token).contains(slug)) {
                Thread.sleep(10); // the benchmark's poll: 10 ms is the resolution of the figure
            }
            times.add((System.nanoTime() - acknowledged) / 1000);
        }
        out.printf(
                "index convergence (a write on one server until another's search finds it, %d writes):"
                        + " p50 %.0f ms, p99 %.0f ms%n",
                times.size(), percentile(times, 50) / 1000.0, percentile(times, 99) / 1000.0);
    }

    private static Duration cpu(List<LoreProcess> processes) {
        return processes.stream().map(LoreProcess::cpu).reduce(Duration.ZERO, Duration::plus);
    }

    /** Runs {@code task} for 0 .. count-1 on {@code threads} named threads and waits for all of them. */
    private static void parallel(int threads, int count, java.util.function.IntConsumer task)
            throws InterruptedException {
        var next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().name("bench-scale-client-", 0).factory());
        var futures = new ArrayList<Future<?>>();
        for (int c = 0; c < threads; c++) {
            futures.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < count; ) {
                    task.accept(i);
                }
                return null;
            }));
        }
        try {
            for (var f : futures) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a benchmark client failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static void print(PrintStream out, Result r, Result yardstick) {
        out.printf(
                "%7d  %6.0f  %5.2f  %6.1f  %6.1f  %15.1f  %19.1f%n",
                r.servers(),
                r.perSecond(),
                r.perSecond() / yardstick.perSecond(),
                percentile(r.latencyMicros(), 50) / 1000.0,
                percentile(r.latencyMicros(), 99) / 1000.0,
                r.loreCpu().toNanos() / 1e6 / r.requests(),
                r.graphCpu().toNanos() / 1e6 / r.requests());
    }

    private static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
