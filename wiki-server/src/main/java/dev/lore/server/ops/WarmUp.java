package dev.lore.server.ops;

import dev.lore.graph.article.ArticleSummary;
import dev.lore.graph.person.Person;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a start, opens the pages readers open first over the server's own HTTP port, so the first
 * person to arrive finds the database's query plans compiled and the page code warm instead of
 * paying for both: once as an anonymous reader (home, an article, the lists), then several rounds
 * as signed-in people (home, an article, a profile, their own profile, the impact report), whose
 * pages run other code and other Cypher. Signed-in requests carry a {@link WarmPass}: no session is
 * created, and they are GET requests that do not count as reads (they do not ask for HTML as a
 * browser's navigation does) and record nothing (no search, which would enter the search log).
 *
 * <p>It waits for {@code after} (the start-up checks, the seed pack's load on a new store) so there
 * is content to open, and stops at its limit ({@link #LIMIT}) after that, whatever is left: readiness waits for
 * warming, so a slow machine gets traffic no later than that. A page that fails is logged and
 * skipped; warming never fails the start.
 */
public final class WarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final Duration WAIT_FOR_START_WORK = Duration.ofMinutes(30);
    /** The most time warming spends, by default, once the start-up work it waits for has ended. */
    public static final Duration LIMIT = Duration.ofSeconds(60);
    /** How often the signed-in pages are opened: the first pays for planning, the rest warm the JIT. */
    static final int SIGNED_IN_ROUNDS = 5;

    private WarmUp() {}

    /**
     * What to open: pages as an anonymous reader, and pages as each of a few signed-in people;
     * {@code reads} runs in process first (the session lookup a signed-in request makes, which the
     * pass skips). Everything in it only reads.
     */
    public record Plan(List<String> anonymous, List<Visit> signedIn, Runnable reads) {}

    /** Pages to open as {@code viewer}. */
    public record Visit(Person viewer, List<String> pages) {}

    /**
     * What warming did: each anonymous page with the status it answered (0 when it did not answer),
     * each signed-in page ({@code viewer id + " " + path}) with its last status, how many signed-in
     * rounds ran, and whether its limit cut it short.
     */
    public record Outcome(Map<String, Integer> statuses, Map<String, Integer> signedIn, int rounds, boolean cut) {}

    /**
     * Starts warming on thread {@code lore-warmup}; {@code plan} is asked once everything in {@code
     * after} has ended. The returned load's {@link BackgroundLoad#await} waits for it; {@code
     * outcome} receives what it did. {@code pass} is live only while the signed-in pages are opened.
     * It stops opening pages {@code limit} after {@code after} ended.
     */
    public static BackgroundLoad start(
            URI base,
            List<BackgroundLoad> after,
            Duration limit,
            Supplier<Plan> plan,
            WarmPass pass,
            Consumer<Outcome> outcome) {
        return BackgroundLoad.start("warming up the most visited pages", "lore-warmup", stopAsked -> {
            for (BackgroundLoad load : after) {
                load.await(WAIT_FOR_START_WORK);
            }
            long began = System.nanoTime();
            try (var opener = new Opener(base, began + limit.toNanos(), stopAsked)) {
                warm(opener, plan.get(), pass, began, limit, outcome);
            }
        });
    }

    private static void warm(
            Opener opener, Plan p, WarmPass pass, long began, Duration limit, Consumer<Outcome> outcome) {
        try {
            p.reads().run();
        } catch (RuntimeException e) {
            LOG.warn("Warm-up reads failed: {}", e.toString());
        }
        var statuses = new LinkedHashMap<String, Integer>();
        for (String path : p.anonymous()) {
            if (opener.pastLimit()) {
                break;
            }
            statuses.put(path, opener.open(path, Optional.empty()));
        }
        long anonymousMs = (System.nanoTime() - began) / 1_000_000;
        var signedIn = new LinkedHashMap<String, Integer>();
        var roundMs = new ArrayList<Long>();
        int rounds = 0;
        try {
            while (rounds < SIGNED_IN_ROUNDS && !opener.pastLimit()) {
                long round = System.nanoTime();
                for (Visit visit : p.signedIn()) {
                    String token = pass.issue(visit.viewer());
                    for (String path : visit.pages()) {
                        signedIn.put(visit.viewer().id() + " " + path, opener.open(path, Optional.of(token)));
                    }
                }
                rounds++;
                roundMs.add((System.nanoTime() - round) / 1_000_000);
            }
        } finally {
            pass.revoke();
        }
        boolean cut = opener.pastLimit()
                && (rounds < SIGNED_IN_ROUNDS || statuses.size() < p.anonymous().size());
        long took = (System.nanoTime() - began) / 1_000_000;
        if (cut) {
            LOG.warn("Warming up stopped at its limit of {} s after {} signed-in rounds", limit.toSeconds(), rounds);
        }
        LOG.info(
                "Warmed up in {} ms: anonymous pages {} ms {}, signed-in rounds {} ms {}",
                took,
                anonymousMs,
                statuses,
                roundMs,
                signedIn);
        outcome.accept(new Outcome(statuses, signedIn, rounds, cut));
    }

    /** This server's own address for a listening {@code host} and {@code port}. */
    public static URI local(String host, int port) {
        return URI.create("http://" + dev.lore.graph.Hosts.reachable(host) + ":" + port);
    }

    /** The home page, the newest of {@code newest} articles and the lists a reader starts from. */
    public static List<String> pages(List<ArticleSummary> newest) {
        var paths = new ArrayList<String>();
        paths.add("/");
        newest.forEach(a -> paths.add(article(a)));
        paths.addAll(List.of("/questions", "/paths", "/experts", "/people"));
        return paths;
    }

    /**
     * What signed-in people open first: as {@code admin}, the home page, the newest article, the
     * profile of {@code someone} and the impact report; as {@code someone} (when it is another
     * person), the home page, the article and their own profile.
     */
    public static List<Visit> signedIn(List<ArticleSummary> newest, Person admin, Optional<Person> someone) {
        var common = new ArrayList<String>();
        common.add("/");
        newest.forEach(a -> common.add(article(a)));
        var asAdmin = new ArrayList<>(common);
        asAdmin.add(profile(someone.orElse(admin)));
        asAdmin.add("/impact");
        var visits = new ArrayList<Visit>();
        visits.add(new Visit(admin, List.copyOf(asAdmin)));
        someone.filter(p -> !p.id().equals(admin.id())).ifPresent(p -> {
            var own = new ArrayList<>(common);
            own.add(profile(p));
            visits.add(new Visit(p, List.copyOf(own)));
        });
        return List.copyOf(visits);
    }

    private static String article(ArticleSummary a) {
        return "/wiki/" + URLEncoder.encode(a.slug(), StandardCharsets.UTF_8);
    }

    private static String profile(Person p) {
        return "/people/" + URLEncoder.encode(p.id(), StandardCharsets.UTF_8);
    }

    /** Opens pages until a deadline ({@link System#nanoTime}) or until Lore stops. */
    private static final class Opener implements AutoCloseable {
        private final URI base;
        private final long deadline;
        private final BooleanSupplier stopAsked;
        private final HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        Opener(URI base, long deadline, BooleanSupplier stopAsked) {
            this.base = base;
            this.deadline = deadline;
            this.stopAsked = stopAsked;
        }

        boolean pastLimit() {
            return System.nanoTime() - deadline >= 0;
        }

        int open(String path, Optional<String> pass) {
            if (stopAsked.getAsBoolean()) {
                throw new CancellationException("Lore is stopping");
            }
            URI page = base.resolve(path);
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            var request = HttpRequest.newBuilder(page)
                    .timeout(Duration.ofMillis(Math.min(left, 60_000)))
                    .header("User-Agent", "lore-warmup");
            pass.ifPresent(token -> request.header(WarmPass.HEADER, token));
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                LOG.debug("Warm-up request to {} failed: {}", page, e.toString());
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
