package dev.lore.server.ops;

import dev.lore.graph.article.ArticleSummary;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a start, opens the pages readers open first (home, an article, the lists) once, over the
 * server's own HTTP port, as an anonymous reader: the first person to arrive then finds the
 * database's query plans compiled and the page code warm instead of paying for both. It waits for
 * {@code after} (the seed pack's load on a new store) so there is content to open. Only GET
 * requests of pages that record nothing (no search, which would enter the search log).
 */
public final class WarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final Duration WAIT_FOR_START_WORK = Duration.ofMinutes(30);

    private WarmUp() {}

    /** What warming did: each page opened with the status it answered (0 when it did not answer). */
    public record Outcome(java.util.Map<String, Integer> statuses) {}

    /**
     * Starts warming on thread {@code lore-warmup}; {@code paths} is asked once {@code after} has
     * ended. The returned load's {@link BackgroundLoad#await} waits for it; {@code outcome} receives
     * what it did.
     */
    public static BackgroundLoad start(
            URI base,
            BackgroundLoad after,
            Supplier<List<String>> paths,
            java.util.function.Consumer<Outcome> outcome) {
        return BackgroundLoad.start("warming up the most visited pages", "lore-warmup", stopAsked -> {
            after.await(WAIT_FOR_START_WORK);
            var client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            var statuses = new java.util.LinkedHashMap<String, Integer>();
            for (String path : paths.get()) {
                if (stopAsked.getAsBoolean()) {
                    throw new CancellationException("Lore is stopping");
                }
                statuses.put(path, open(client, base.resolve(path)));
            }
            LOG.info("Warmed up {}", statuses);
            outcome.accept(new Outcome(statuses));
        });
    }

    /** This server's own address for a listening {@code host} and {@code port}. */
    public static URI local(String host, int port) {
        return URI.create("http://" + dev.lore.graph.Hosts.reachable(host) + ":" + port);
    }

    /** The home page, the newest of {@code newest} articles and the lists a reader starts from. */
    public static List<String> pages(List<ArticleSummary> newest) {
        var paths = new java.util.ArrayList<String>();
        paths.add("/");
        newest.forEach(a -> paths.add("/wiki/" + URLEncoder.encode(a.slug(), StandardCharsets.UTF_8)));
        paths.addAll(List.of("/questions", "/paths", "/experts", "/people"));
        return paths;
    }

    private static int open(HttpClient client, URI page) {
        try {
            var response = client.send(
                    HttpRequest.newBuilder(page)
                            .timeout(Duration.ofSeconds(60))
                            .header("User-Agent", "lore-warmup")
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (IOException e) {
            LOG.debug("Warm-up request to {} failed: {}", page, e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }
}
