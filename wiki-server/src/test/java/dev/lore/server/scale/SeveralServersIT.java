package dev.lore.server.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.support.Http;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Several Lore servers on one database, as operators run them: {@code lore graph} in one process
 * and two {@code lore serve} processes pointed at it, each with its own data directory (search
 * index) and port. The order of the tests is the story of a day: writes on either server, sessions
 * on either, a server killed, the database stopped and started again.
 *
 * <p>Nothing here waits for time to pass: ports come from the lines the processes print, and
 * readiness and index catch-up are awaited by asking the servers (with a generous overall deadline
 * as a safety net only).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralServersIT {
    // a safety net only: under heavy other load a child JVM took over 3 minutes to start its database
    private static final Duration DEADLINE = Duration.ofMinutes(10);
    private static final String GRAPH_PASSWORD = "graph-secret-1";
    private static final String ADMIN_PASSWORD = "admin-secret-1";
    private static final Pattern BOLT = Pattern.compile("Bolt listening on (bolt://\\S+)");
    private static final Pattern HTTP = Pattern.compile("Lore is listening on (http://\\S+)");

    private static Path root;
    private static Child graph;
    private static URI boltUri;
    private static Child serverA;
    private static Child serverB;
    private static volatile Child serverC;
    private static Http a;
    private static Http b;
    private static String adminA;

    @BeforeAll
    static void startGraphAndTwoServers() throws Exception {
        root = Files.createTempDirectory("lore-test-scale-");
        graph = startGraph("127.0.0.1:0");
        boltUri = URI.create(graph.await(BOLT, 0, DEADLINE).group(1));
        // one after the other: the first creates the admin account, the second finds it
        serverA = startServer("a");
        a = Http.at(URI.create(serverA.await(HTTP, 0, DEADLINE).group(1)));
        awaitReady(a);
        serverB = startServer("b");
        b = Http.at(URI.create(serverB.await(HTTP, 0, DEADLINE).group(1)));
        awaitReady(b);
        adminA = a.login("admin", ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (Child child : new Child[] {serverA, serverB, serverC, graph}) {
            if (child != null) {
                child.close();
            }
        }
    }

    private static Child startGraph(String listen) throws Exception {
        var env = new HashMap<String, String>();
        env.put("LORE_DATA_DIR", root.resolve("graph").toString());
        env.put("LORE_GRAPH_LISTEN", listen);
        env.put("LORE_NEO4J_PASSWORD", GRAPH_PASSWORD);
        env.put("LORE_NEO4J_PAGECACHE", "32m");
        return Child.start("graph", env, "graph");
    }

    private static Child startServer(String name) throws Exception {
        var env = new HashMap<String, String>();
        env.put("LORE_DATA_DIR", root.resolve(name).toString());
        env.put("LORE_PORT", "0");
        env.put("LORE_NEO4J_URI", boltUri.toString());
        env.put("LORE_NEO4J_USER", "neo4j");
        env.put("LORE_NEO4J_PASSWORD", GRAPH_PASSWORD);
        env.put("LORE_NEO4J_TIMEOUT_MS", "8000"); // generous: the test machine is loaded
        env.put("LORE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("LORE_SEED", "false");
        env.put("LORE_SEMANTIC", "false");
        return Child.start("server-" + name, env, "serve");
    }

    /** Asks {@code /api/ready} until it answers 200: awaiting the server, with a deadline as a safety net. */
    private static JsonNode awaitReady(Http server) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            try {
                var r = server.get("/api/ready");
                if (r.status() == 200) {
                    return r.json();
                }
            } catch (RuntimeException e) {
                // not answering yet
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(server.base() + " never became ready");
            }
            Thread.sleep(50); // a pause between polls, not a wait for something to happen
        }
    }

    /**
     * Asks {@code server} for its index position until it has applied the graph's change {@code
     * seq}: the server's own catch-up moves it; this only watches.
     */
    private static void awaitIndexed(Http server, long seq) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (server.get("/api/ready").json().path("indexedSeq").asLong() < seq) {
            if (System.nanoTime() > end) {
                throw new AssertionError(server.base() + " never indexed change " + seq);
            }
            Thread.sleep(50);
        }
    }

    private static long changeSeq(Http server) {
        return server.get("/api/ready").json().path("changeSeq").asLong();
    }

    private static String createArticle(Http server, String token, String title, String text) {
        var r = server.post("/api/articles", Map.of("title", title, "markdown", text, "tags", List.of("scale")), token);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("slug").asText();
    }

    @Test
    @Order(1)
    void aWriteOnOneServerIsReadableOnTheOtherAtOnceAndSearchableOnceItsIndexCaughtUp() throws Exception {
        String slug = createArticle(a, adminA, "Rotating the quokka keys", "How we rotate the quokka signing keys.");
        long written = changeSeq(a);

        var read = b.get("/api/articles/" + slug, adminA);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("title").asText()).isEqualTo("Rotating the quokka keys");

        awaitIndexed(b, written);
        var found = b.get("/api/search?q=quokka", adminA);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains(slug);
    }

    @Test
    @Order(2)
    void aSessionStartedOnOneServerWorksOnTheOtherAndEndsOnBoth() {
        String token = b.login("admin", ADMIN_PASSWORD);
        assertThat(a.get("/api/me", token).status()).isEqualTo(200);
        assertThat(b.get("/api/me", token).status()).isEqualTo(200);

        assertThat(a.post("/api/logout", "", token).status()).isLessThan(300);

        assertThat(b.get("/api/me", token).status()).isEqualTo(401);
        assertThat(a.get("/api/me", token).status()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void expertsOnOneServerReflectAnEndorsementRevokedOnTheOther() {
        for (String id : List.of("ana", "ben")) {
            var made = a.post(
                    "/api/people",
                    Map.of(
                            "id",
                            id,
                            "name",
                            id.toUpperCase(),
                            "email",
                            id + "@example.test",
                            "team",
                            "Data",
                            "title",
                            "Engineer",
                            "password",
                            "password-" + id),
                    adminA);
            assertThat(made.status()).as(made.body()).isEqualTo(201);
        }
        String ben = a.login("ben", "password-ben");
        assertThat(a.put(
                                "/api/people/ana/skills",
                                Map.of("skills", List.of(Map.of("name", "Kafka", "level", "expert"))),
                                adminA)
                        .status())
                .isEqualTo(200);
        assertThat(a.post("/api/people/ana/endorsements", Map.of("skill", "Kafka"), ben)
                        .status())
                .isEqualTo(201);
        assertThat(endorsementsOfAna(b)).isEqualTo(1); // b ranks, and remembers what it read

        assertThat(a.delete("/api/people/ana/endorsements/Kafka", ben).status()).isLessThan(300);

        assertThat(endorsementsOfAna(b)).isZero();
    }

    private static int endorsementsOfAna(Http server) {
        var r = server.get("/api/experts?topic=Kafka&includeUnavailable=true", adminA);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        int count = 0;
        for (JsonNode expert : r.json().path("experts")) {
            if (expert.path("person").path("id").asText().equals("ana")) {
                for (JsonNode e : expert.path("evidence")) {
                    if (e.path("kind").asText().equals("endorsement")) {
                        count += e.path("count").asInt(0);
                    }
                }
            }
        }
        return count;
    }

    /**
     * Each server stopped cleanly and started again on its data directory in turn, while clients
     * keep reading, searching and writing through whichever servers are in the rotation (as a load
     * balancer sends traffic only to servers that say ready). Meanwhile a third server starts on an
     * empty data directory: it builds its index from the graph and joins only once ready. The load
     * runs until the restarts are done, however long they take.
     */
    @Test
    @Order(4)
    void aRollingRestartUnderSteadyLoadFailsNoRequestToALiveServerAndLosesNoWrite() throws Exception {
        var load = new SteadyLoad(adminA, List.of(a, b));
        load.start(3);
        String known = load.awaitWrites(3); // acknowledged before the empty server starts
        Http[] freshHttp = new Http[1];
        Throwable[] freshFailed = new Throwable[1];
        var startFresh = Thread.ofPlatform().name("start-server-c").start(() -> {
            try {
                serverC = startServer("c"); // an empty data directory: no index yet
                freshHttp[0] =
                        Http.at(URI.create(serverC.await(HTTP, 0, DEADLINE).group(1)));
                awaitReadyReportingHonestly(freshHttp[0]);
            } catch (Throwable e) {
                freshFailed[0] = e;
            }
        });
        a = restart(load, a, "a", () -> serverA, child -> serverA = child);
        startFresh.join();
        if (freshFailed[0] != null) {
            throw new AssertionError("server c did not start and become ready", freshFailed[0]);
        }
        Http c = freshHttp[0];
        try {
            assertThat(c.get("/api/search?q=" + load.wordOf(known), adminA).body())
                    .contains(known);
            load.add(c);
            b = restart(load, b, "b", () -> serverB, child -> serverB = child);

            List<String> failures = load.stop();
            assertThat(failures)
                    .as("failed requests to servers in the rotation")
                    .isEmpty();
            assertThat(load.written())
                    .as("writes acknowledged during the restarts")
                    .isNotEmpty();
            long seq = changeSeq(a);
            for (Http server : List.of(a, b, c)) {
                awaitIndexed(server, seq);
                for (String slug : load.written()) {
                    var read = server.get("/api/articles/" + slug, adminA);
                    assertThat(read.status()).as(server.base() + " " + slug).isEqualTo(200);
                    assertThat(server.get("/api/search?q=" + load.wordOf(slug), adminA)
                                    .body())
                            .as("search for " + slug + " on " + server.base())
                            .contains(slug);
                }
            }
        } finally {
            load.stop();
            if (serverC != null) {
                serverC.stop(); // not needed by what follows
            }
        }
    }

    /**
     * Takes {@code server} out of the rotation, stops its process cleanly, starts it again on the
     * same data directory and puts it back once it says ready; returns its new address.
     */
    private static Http restart(
            SteadyLoad load,
            Http server,
            String name,
            java.util.function.Supplier<Child> process,
            java.util.function.Consumer<Child> replaced)
            throws Exception {
        load.remove(server);
        long before = changeSeq(server);
        process.get().stop();
        load.awaitWrites(load.written().size() + 2); // writes acknowledged while it is down
        Child child = startServer(name);
        replaced.accept(child);
        Http restarted = Http.at(URI.create(child.await(HTTP, 0, DEADLINE).group(1)));
        JsonNode ready = awaitReadyReportingHonestly(restarted);
        assertThat(ready.path("indexedSeq").asLong()).isGreaterThanOrEqualTo(before);
        load.add(restarted);
        return restarted;
    }

    /**
     * As {@link #awaitReady}, checking every answer on the way: a 503 names the index or start-up
     * as the reason, and the first 200 reports an index that applied every change the graph had.
     */
    private static JsonNode awaitReadyReportingHonestly(Http server) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            Http.Response r;
            try {
                r = server.get("/api/ready");
            } catch (RuntimeException e) {
                r = null; // not answering yet
            }
            if (r != null && r.status() == 200) {
                assertThat(r.json().path("indexedSeq").asLong())
                        .isGreaterThanOrEqualTo(r.json().path("changeSeq").asLong());
                return r.json();
            }
            if (r != null) {
                assertThat(r.status()).as(r.body()).isEqualTo(503);
                assertThat(r.json().path("reasons").toString()).containsAnyOf("search index", "seed");
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(server.base() + " never became ready");
            }
            Thread.sleep(50); // a pause between polls, not a wait for something to happen
        }
    }

    @Test
    @Order(5)
    void killingOneServerLeavesTheOtherServingWithNothingAcknowledgedLost() throws Exception {
        String slug = createArticle(a, adminA, "Written just before the crash", "Acknowledged, so it must stay.");

        serverA.kill();

        var read = b.get("/api/articles/" + slug, adminA);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        String after = createArticle(b, adminA, "Written after the crash", "The other server goes on.");
        assertThat(b.get("/api/articles/" + after, adminA).status()).isEqualTo(200);
        awaitReady(b);
    }

    @Test
    @Order(6)
    void withTheDatabaseStoppedRequestsAnswer503AndTheServerRecoversWhenItIsBack() throws Exception {
        String slug = createArticle(b, adminA, "Survives a database restart", "Still here afterwards.");
        int port = boltUri.getPort();

        graph.stop();

        // each of these waits out LORE_NEO4J_TIMEOUT_MS before it answers: sent together, not in turn
        Http.Response down;
        Http.Response write;
        Http.Response health;
        Http.Response ready;
        try (var together = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("database-down-", 0).factory())) {
            var downAsked = together.submit(() -> b.get("/api/articles/" + slug, adminA));
            var writeAsked =
                    together.submit(() -> b.post("/api/articles", Map.of("title", "Lost?", "markdown", "no"), adminA));
            var healthAsked = together.submit(() -> b.get("/api/health"));
            var readyAsked = together.submit(() -> b.get("/api/ready"));
            down = downAsked.get();
            write = writeAsked.get();
            health = healthAsked.get();
            ready = readyAsked.get();
        }
        assertThat(down.status()).as(down.body()).isEqualTo(503);
        assertThat(down.json().path("error").asText()).isEqualTo("unavailable");
        assertThat(down.json().path("detail").asText()).contains("database is not reachable");
        assertThat(write.status()).as(write.body()).isEqualTo(503);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("graph").asText()).isEqualTo("down");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().path("graph").asText()).isEqualTo("down");

        graph = startGraph("127.0.0.1:" + port);
        graph.await(BOLT, 0, DEADLINE);
        awaitReady(b);

        assertThat(b.get("/api/articles/" + slug, adminA).status()).isEqualTo(200);
        assertThat(b.get("/api/health").json().path("graph").asText()).isEqualTo("up");
    }
}
