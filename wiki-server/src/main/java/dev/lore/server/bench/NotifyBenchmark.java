package dev.lore.server.bench;

import com.sun.net.httpserver.HttpServer;
import dev.lore.graph.notify.Event;
import dev.lore.graph.notify.EventKind;
import dev.lore.graph.notify.NotificationStore;
import dev.lore.graph.notify.Subject;
import dev.lore.graph.notify.WatchKind;
import dev.lore.graph.notify.WatchStore;
import dev.lore.graph.notify.WebhookStore;
import dev.lore.server.Config;
import dev.lore.server.Lore;
import dev.lore.server.article.ArticleInput;
import dev.lore.server.auth.Role;
import dev.lore.server.notify.NotifyConfig;
import dev.lore.server.notify.WebhookService;
import dev.lore.server.person.PersonService;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The notification benchmark, in a fresh Lore in a scratch directory: what watchers add to saving
 * a page (p50 / p99 of the save with no watcher and with each number of watchers given, and their
 * ratio), and webhook throughput (deliveries per second through the outbox to a local HTTP endpoint,
 * against plain posts of the same body to it). Every edit is an hour and more after the one before,
 * so none collapses into an unread notification: each writes one notification per watcher, the
 * dearer case. Not a test: it asserts nothing.
 */
public final class NotifyBenchmark {
    private static final Duration STEP = Duration.ofHours(2);
    private static final int WARMUP = 20;

    private NotifyBenchmark() {}

    /** A clock that stays put until moved, so each edit can be set apart from the last. */
    private static final class SteppedClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }
    }

    record Latency(double p50Millis, double p99Millis) {}

    public static void run(int edits, List<Integer> watcherCounts, int deliveries, Config base, PrintStream out) {
        Path scratch = dev.lore.server.Scratch.create("lore-bench-notify-");
        var clock = new SteppedClock();
        Config config = base.withSeed(false)
                .withDataDir(scratch.resolve("data"))
                .withNotify(NotifyConfig.fromEnvironment(Map.of("LORE_WEBHOOK_ALLOW_PRIVATE", "true")));
        try (Lore lore = Lore.open(config, clock)) {
            lore.people().create("editor", "Eda Editor", "", "Docs", "Writer", Role.CONTRIBUTOR, Optional.empty());
            var rows = new ArrayList<String>();
            Latency none = edits(lore, clock, page(lore, "unwatched"), edits);
            int created = 0;
            for (int watchers : watcherCounts) {
                String slug = page(lore, "watched by " + watchers);
                // in bulk: one statement per thousand people, a thousand watches per transaction
                var accounts = new ArrayList<PersonService.NewAccount>();
                for (; created < watchers; created++) {
                    accounts.add(new PersonService.NewAccount(
                            "w" + created,
                            "Watcher " + created,
                            "",
                            "Team " + (created % 20),
                            "Engineer",
                            Role.READER));
                    if (accounts.size() == 1_000) {
                        lore.people().createBatch(accounts);
                        accounts.clear();
                    }
                }
                lore.people().createBatch(accounts);
                for (int from = 0; from < watchers; from += 1_000) {
                    int start = from;
                    lore.graph().inOneTransaction(() -> {
                        for (int i = start; i < Math.min(watchers, start + 1_000); i++) {
                            lore.notifications().watch("w" + i, new Subject(WatchKind.ARTICLE, slug));
                        }
                        return null;
                    });
                }
                Latency watched = edits(lore, clock, slug, edits);
                rows.add(String.format(
                        "| %d | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f |",
                        watchers,
                        none.p50Millis(),
                        none.p99Millis(),
                        watched.p50Millis(),
                        watched.p99Millis(),
                        watched.p50Millis() / none.p50Millis(),
                        watched.p99Millis() / none.p99Millis()));
            }
            out.printf(
                    "%nSaving a page, %d edits each (no collapsing: every edit notifies every watcher)%n%n"
                            + "| watchers | unwatched p50 (ms) | p99 (ms) | watched p50 (ms) | p99 (ms) | p50 ratio | p99 ratio |%n"
                            + "|---|---|---|---|---|---|---|%n",
                    edits);
            rows.forEach(out::println);
            webhooks(lore, clock, deliveries, out);
        } finally {
            dev.lore.server.Scratch.delete(scratch);
        }
    }

    private static String page(Lore lore, String title) {
        return lore.articles()
                .create(
                        new ArticleInput(
                                Optional.of(title),
                                "First text.\n",
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        "editor")
                .slug();
    }

    /** Times {@code edits} saves of the page at {@code slug}, after a warm-up. */
    private static Latency edits(Lore lore, SteppedClock clock, String slug, int edits) {
        int revision = lore.articles().find(slug).article().revision();
        long[] nanos = new long[edits];
        for (int i = -WARMUP; i < edits; i++) {
            clock.advance(STEP);
            var input = new ArticleInput(
                    Optional.empty(),
                    "Text of edit " + i + ".\n",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("edit " + i));
            long start = System.nanoTime();
            revision = lore.articles().update(slug, revision, input, "editor").revision();
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        return new Latency(millis(nanos, 0.50), millis(nanos, 0.99));
    }

    private static double millis(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** Outbox deliveries per second to a local endpoint, and plain posts per second to the same. */
    private static void webhooks(Lore lore, SteppedClock clock, int deliveries, PrintStream out) {
        HttpServer endpoint;
        try {
            endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        endpoint.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        endpoint.start();
        try {
            String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook";
            var hook = new WebhookService(new WebhookStore(lore.graph()), true, clock)
                    .register(url, List.of("kudos"), "editor");
            var store = new NotificationStore(lore.graph(), new WatchStore(lore.graph()));
            for (int i = 0; i < deliveries; i++) {
                store.record(Event.of(
                        EventKind.KUDOS,
                        "editor",
                        "Thanks for page " + i,
                        "/wiki/page-" + i,
                        "Saved my day.",
                        List.of(),
                        List.of(),
                        clock.instant()));
            }
            long start = System.nanoTime();
            int sent = 0;
            for (int n; (n = lore.outbox().flush(Duration.ofMinutes(10))) > 0; ) {
                sent += n;
            }
            double outboxSeconds = (System.nanoTime() - start) / 1e9;
            double plainSeconds = plainPosts(url, deliveries);
            double outboxRate = sent / outboxSeconds;
            double plainRate = deliveries / plainSeconds;
            out.printf(
                    "%nWebhooks to a local endpoint (%s), one delivery thread%n%n"
                            + "| deliveries | outbox deliveries/s | plain posts/s | ratio |%n|---|---|---|---|%n"
                            + "| %d | %.0f | %.0f | %.2f |%n",
                    hook.id(), sent, outboxRate, plainRate, outboxRate / plainRate);
        } finally {
            endpoint.stop(0);
        }
    }

    /** Seconds to post {@code count} payload-sized bodies to {@code url} one after another. */
    private static double plainPosts(String url, int count) {
        var http = HttpClient.newHttpClient();
        byte[] body = ("{\"id\":\"x\",\"event\":\"kudos\",\"title\":\"Thanks for page 1\",\"text\":\"Saved my day.\"}")
                .getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            try {
                http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
