package dev.lore.server.scale;

import dev.lore.server.support.Http;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients reading, searching and writing articles through the servers in a rotation, as behind a
 * load balancer: a request is sent to a server in the rotation; one that fails while its server is
 * out of the rotation (being stopped) is sent again to another, as a proxy retries; one that fails
 * on a server in the rotation is a failure. Every write acknowledged with a 201 is recorded with
 * the slug it was given. Runs until {@link #stop}, not for a duration.
 */
final class SteadyLoad {
    private final String token;
    private final List<Http> rotation;
    private final List<Thread> clients = new ArrayList<>();
    private final List<String> written = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger counter = new AtomicInteger();
    private volatile boolean stopped;

    SteadyLoad(String token, List<Http> servers) {
        this.token = token;
        this.rotation = new CopyOnWriteArrayList<>(servers);
    }

    void start(int threads) {
        for (int i = 0; i < threads; i++) {
            clients.add(Thread.ofPlatform().name("steady-load-" + i).start(this::run));
        }
    }

    void add(Http server) {
        rotation.add(server);
    }

    /** Takes {@code server} out of the rotation: from now on, no new request is sent to it. */
    void remove(Http server) {
        rotation.remove(server);
    }

    /** Waits for {@code count} acknowledged writes (the clients make them) and returns the last slug. */
    String awaitWrites(int count) throws InterruptedException {
        synchronized (written) {
            while (written.size() < count && failures.isEmpty()) {
                written.wait();
            }
            if (!failures.isEmpty()) {
                throw new AssertionError("the load failed: " + failures);
            }
            return written.getLast();
        }
    }

    /** Stops the clients, waits for them, and returns the failed requests (empty when none failed). */
    List<String> stop() throws InterruptedException {
        stopped = true;
        for (Thread client : clients) {
            client.join();
        }
        return List.copyOf(failures);
    }

    List<String> written() {
        return List.copyOf(written);
    }

    /**
     * The word only the article {@code slug} (made by this load) contains. A write sent again after
     * the stopping server cut it off may have committed there too: the second one's slug has a
     * number after the word.
     */
    String wordOf(String slug) {
        var m = java.util.regex.Pattern.compile("qz[a-z]+qz").matcher(slug);
        if (!m.find()) {
            throw new IllegalArgumentException("not made by this load: " + slug);
        }
        return m.group();
    }

    private void run() {
        while (!stopped) {
            int n = counter.getAndIncrement();
            switch (n % 4) {
                case 0 -> write(n);
                case 1 -> search();
                default -> read();
            }
        }
    }

    private void write(int n) {
        String word = word(n);
        var body = Map.of("title", "Rolling load " + word, "markdown", "Written under load: " + word + ".");
        send("write " + word, http -> http.post("/api/articles", body, token), 201)
                .ifPresent(r -> {
                    synchronized (written) {
                        written.add(r.json().path("slug").asText());
                        written.notifyAll();
                    }
                });
    }

    private void search() {
        send("search", http -> http.get("/api/search?q=rolling", token), 200);
    }

    private void read() {
        List<String> slugs = written();
        if (slugs.isEmpty()) {
            search();
            return;
        }
        String slug = slugs.get(ThreadLocalRandom.current().nextInt(slugs.size()));
        send("read " + slug, http -> http.get("/api/articles/" + slug, token), 200);
    }

    /**
     * Sends the request to a server in the rotation, again to another while the one it went to is
     * out of the rotation; records a failure when a server in the rotation fails it.
     */
    private java.util.Optional<Http.Response> send(
            String what, java.util.function.Function<Http, Http.Response> request, int expected) {
        while (true) {
            List<Http> live = List.copyOf(rotation);
            if (live.isEmpty()) {
                failures.add(what + ": no server in the rotation");
                return java.util.Optional.empty();
            }
            Http server = live.get(ThreadLocalRandom.current().nextInt(live.size()));
            String problem;
            try {
                Http.Response r = request.apply(server);
                if (r.status() == expected) {
                    return java.util.Optional.of(r);
                }
                problem = r.status() + " " + r.body();
            } catch (RuntimeException e) {
                problem = e.toString();
            }
            if (rotation.contains(server)) {
                synchronized (written) {
                    failures.add(what + " on " + server.base() + ": " + problem);
                    written.notifyAll();
                }
                return java.util.Optional.empty();
            }
            // the server left the rotation meanwhile: a proxy tries another
        }
    }

    /** A word made of letters only, different for each {@code n}, that no analyzer splits or stems. */
    private static String word(int n) {
        var sb = new StringBuilder("qz");
        do {
            sb.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return sb.append("qz").toString();
    }
}
