package dev.lore.server.bench;

import dev.lore.graph.EmbeddedNeo4j;
import dev.lore.graph.internal.ChangeSequence;
import dev.lore.server.Config;
import dev.lore.server.Lore;
import dev.lore.server.Scratch;
import dev.lore.server.auth.Role;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several Lore servers on one database, measured: one standalone database ({@link
 * EmbeddedNeo4j#serve}, as {@code lore graph} runs it) and N Lore servers on it, each with its own
 * index and HTTP port, in this JVM. A mixed load (80% article reads, 10% searches, 10% new articles)
 * goes over HTTP to one server, then spread over all of them; for each write, the time from its
 * acknowledgement until every server's index applied it (index convergence), watched on threads of
 * its own so clients do not wait for it. Prints throughput, latency and the ratio to
 * the one-server yardstick. On one machine the servers share its cores, so the ratio shows the cost
 * of coordination, not the gain of more machines.
 */
public final class ScaleBenchmark {
    private static final String PASSWORD = "bench-password-1";

    private ScaleBenchmark() {}

    /** One run's figures. */
    record Result(int servers, int requests, double seconds, List<Long> latencyMicros, List<Long> convergenceMicros) {
        double perSecond() {
            return requests / seconds;
        }
    }

    public static void run(int servers, int requests, int clients, int articles, Config base, PrintStream out)
            throws InterruptedException {
        Path dir = Scratch.create("lore-bench-scale-");
        var lores = new ArrayList<Lore>();
        var urls = new ArrayList<URI>();
        try (var db = EmbeddedNeo4j.serve(dir.resolve("graph"), "127.0.0.1", 0, Optional.of(PASSWORD), 256L << 20)) {
            try {
                measure(db, dir, servers, requests, clients, articles, base, lores, urls, out);
            } finally { // the servers before their database
                for (int i = lores.size() - 1; i >= 0; i--) {
                    lores.get(i).close();
                }
            }
        }
    }

    private static void measure(
            EmbeddedNeo4j db,
            Path dir,
            int servers,
            int requests,
            int clients,
            int articles,
            Config base,
            List<Lore> lores,
            List<URI> urls,
            PrintStream out)
            throws InterruptedException {
        for (int i = 0; i < servers; i++) {
            Config config = base.withDataDir(dir.resolve("server-" + i))
                    .withPort(0)
                    .withSeed(false)
                    .withNeo4j(db.boltUri(), EmbeddedNeo4j.USER, PASSWORD);
            Lore lore = Lore.open(config);
            lores.add(lore);
            urls.add(URI.create("http://127.0.0.1:" + lore.serve().port()));
        }
        Lore first = lores.getFirst();
        first.people()
                .create(
                        "bench",
                        "Bench",
                        "bench@example.test",
                        "Ops",
                        "Engineer",
                        Role.CONTRIBUTOR,
                        Optional.of(PASSWORD));
        var http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        String token = login(http, urls.getFirst());
        var slugs = Collections.synchronizedList(new ArrayList<String>());
        for (int i = 0; i < articles; i++) {
            slugs.add(create(http, urls.getFirst(), token, "Seeded " + i));
        }
        awaitIndexed(lores, currentSeq(first));
        out.printf(
                "bench-scale: %d servers on one database, %d requests per run, %d clients, %d articles%n",
                servers, requests, clients, articles);
        out.println("servers  req/s   ratio  p50 ms  p99 ms  writes  converge p50 ms  p99 ms");
        Result one = load(List.of(urls.getFirst()), lores.subList(0, 1), http, token, slugs, requests, clients);
        print(out, one, one);
        if (servers > 1) {
            print(out, load(urls, lores, http, token, slugs, requests, clients), one);
        }
    }

    private static Result load(
            List<URI> urls,
            List<Lore> lores,
            HttpClient http,
            String token,
            List<String> slugs,
            int requests,
            int clients)
            throws InterruptedException {
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var convergence = Collections.synchronizedList(new ArrayList<Long>());
        var next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(
                clients, Thread.ofPlatform().name("bench-scale-client-", 0).factory());
        // convergence is watched apart from the clients, so a write's client goes on at once
        ExecutorService watchers = Executors.newFixedThreadPool(
                4, Thread.ofPlatform().name("bench-scale-convergence-", 0).factory());
        long started = System.nanoTime();
        var futures = new ArrayList<Future<?>>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < requests; ) {
                    URI url = urls.get(i % urls.size());
                    int kind = ThreadLocalRandom.current().nextInt(10);
                    long t0 = System.nanoTime();
                    if (kind == 0) {
                        String slug = create(http, url, token, "Load " + i);
                        latencies.add((System.nanoTime() - t0) / 1000);
                        slugs.add(slug);
                        long seq = currentSeq(lores.getFirst());
                        long acknowledged = System.nanoTime();
                        watchers.submit(() -> {
                            awaitIndexed(lores, seq);
                            convergence.add((System.nanoTime() - acknowledged) / 1000);
                        });
                    } else {
                        String path = kind == 1
                                ? "/api/search?q=load"
                                : "/api/articles/"
                                        + slugs.get(ThreadLocalRandom.current().nextInt(slugs.size()));
                        send(
                                http,
                                HttpRequest.newBuilder(url.resolve(path))
                                        .header("Authorization", "Bearer " + token)
                                        .GET());
                        latencies.add((System.nanoTime() - t0) / 1000);
                    }
                }
                return null;
            }));
        }
        for (var f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a benchmark client failed: " + e.getCause(), e.getCause());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        watchers.shutdown();
        watchers.awaitTermination(5, TimeUnit.MINUTES);
        return new Result(urls.size(), requests, seconds, List.copyOf(latencies), List.copyOf(convergence));
    }

    private static void print(PrintStream out, Result r, Result yardstick) {
        out.printf(
                "%7d  %6.0f  %5.2f  %6.1f  %6.1f  %6d  %15.0f  %6.0f%n",
                r.servers(),
                r.perSecond(),
                r.perSecond() / yardstick.perSecond(),
                percentile(r.latencyMicros(), 50) / 1000.0,
                percentile(r.latencyMicros(), 99) / 1000.0,
                r.convergenceMicros().size(),
                percentile(r.convergenceMicros(), 50) / 1000.0,
                percentile(r.convergenceMicros(), 99) / 1000.0);
    }

    private static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static long currentSeq(Lore lore) {
        return lore.graph().read(ChangeSequence::current);
    }

    /** Waits until every server's index applied change {@code seq}: what convergence measures. */
    private static void awaitIndexed(List<Lore> lores, long seq) {
        for (Lore lore : lores) {
            while (lore.index().appliedSeq() < seq) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }

    private static String login(HttpClient http, URI url) {
        String body = send(
                http,
                HttpRequest.newBuilder(url.resolve("/api/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"bench\",\"password\":\"" + PASSWORD + "\"}")));
        return body.replaceAll("(?s).*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static String create(HttpClient http, URI url, String token, String title) {
        String body = send(
                http,
                HttpRequest.newBuilder(url.resolve("/api/articles"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"title\":\"" + title + "\",\"markdown\":\"A load test page about " + title
                                        + ", with some words to search.\"}")));
        return body.replaceAll("(?s).*\"slug\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static String send(HttpClient http, HttpRequest.Builder request) {
        try {
            HttpResponse<String> r =
                    http.send(request.timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(r.statusCode() + " from " + r.uri() + ": " + r.body());
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
