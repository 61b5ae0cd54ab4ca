package dev.lore.server.support;

import dev.lore.graph.Graph;
import dev.lore.graph.GraphVersion;
import dev.lore.graph.Schema;
import dev.lore.server.Config;
import dev.lore.server.Lore;
import dev.lore.server.LoreAccess;
import dev.lore.server.auth.Passwords;
import dev.lore.server.auth.Role;
import dev.lore.server.seed.MarkdownImport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.neo4j.driver.TransactionContext;

/**
 * One real Lore per test JVM: embedded Neo4j over Bolt (or a Neo4j in Docker with
 * {@code LORE_TEST_NEO4J=docker}), a real Lucene directory and the HTTP server on a free port.
 * Before each test the background writers are flushed, the graph is wiped, the index cleared, the
 * clock reset, and three accounts made: admin, a contributor and a reader, all with password
 * {@link #PASSWORD}. There is no timed index catch-up: see {@link Running#settle}.
 */
public final class TestLore implements BeforeEachCallback, ParameterResolver {
    public static final String PASSWORD = "correct-horse-battery";
    private static Running running;

    private static final Map<String, Running> others = new ConcurrentHashMap<>();

    /**
     * The running instance, a client for it, the clock it runs on (settable, reset before each
     * test), and the password hasher it uses.
     */
    /** How long {@link Running#settle} waits for background work before it fails the test. */
    static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);

    public record Running(Lore lore, Http http, Path dataDir, TestClock clock, Passwords passwords) {
        /**
         * Another server on the same graph (its own index and HTTP port, the same clock), with
         * settings changed by {@code change}: demo mode, trusted proxies, or simply a second
         * replica. Started once per {@code name} and JVM; the graph is wiped before each test
         * like this one's.
         */
        public Running another(String name, UnaryOperator<Config> change) {
            return others.computeIfAbsent(name, n -> {
                try {
                    Path otherDir = Files.createTempDirectory("lore-test-" + n + "-");
                    Config base = LoreAccess.sharedGraph(lore, lore.config())
                            .orElseGet(lore::config)
                            .withDataDir(otherDir);
                    Lore other = LoreAccess.openWithoutIndexTimer(change.apply(base), passwords, clock);
                    other.serve();
                    Runtime.getRuntime()
                            .addShutdownHook(Thread.ofPlatform()
                                    .name("test-lore-" + n + "-shutdown")
                                    .unstarted(() -> {
                                        other.close();
                                        deleteTree(otherDir);
                                    }));
                    return new Running(
                            other,
                            new Http(URI.create("http://localhost:" + LoreAccess.port(other))),
                            other.config().dataDir(),
                            clock,
                            passwords);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        /**
         * Waits for the work Lore does behind a request to be done: the search log and the reads
         * and suggestions written, and the index caught up with every committed change (also one
         * made behind the services' back). The index has no timer here: it moves on writes made
         * through the services and when this is called. Throws if a writer does not finish within
         * {@link #SETTLE_TIMEOUT}.
         */
        public void settle() {
            lore.search().flush(SETTLE_TIMEOUT);
            lore.experts().awaitReads(SETTLE_TIMEOUT);
            lore.attachments().flushExtraction(SETTLE_TIMEOUT);
            lore.sync().catchUp();
        }

        /**
         * The bundled seed pack on top of the three test accounts, as {@code SeedPack.load} leaves
         * it, with what that load reported. It replaces the graph: call it before making anything
         * else in a test. Loaded for real once per test JVM and copied back after that ({@link
         * SeededStore}).
         */
        public MarkdownImport.Result seed() {
            return SeededStore.seed(this);
        }

        /**
         * Creates a person (email {@code id@example.test}, title Engineer, password {@link
         * #PASSWORD}) and returns a bearer token for them.
         */
        public String person(String id, String name, String team, Role role) {
            lore.people().create(id, name, id + "@example.test", team, "Engineer", role, Optional.of(PASSWORD));
            return http.login(id, PASSWORD);
        }
    }

    public static synchronized Running get() {
        if (running == null) {
            try {
                Path dir = Files.createTempDirectory("lore-test-");
                Optional<URI> external = Neo4jForTests.externalUri();
                var env = new HashMap<String, String>(Map.of(
                        "LORE_PORT", "0",
                        "LORE_DATA_DIR", dir.toString(),
                        "LORE_ADMIN_PASSWORD", PASSWORD,
                        "LORE_SEED", "false",
                        "LORE_NEO4J_PAGECACHE", "128m")); // the test store is small
                // a busy machine may answer slowly; slow is not the failure these tests look for
                env.put("LORE_NOTIFY_TIMEOUT_MS", Long.toString(Http.PATIENCE.toMillis()));
                env.put("LORE_SEMANTIC", "false"); // no model: a test that wants one asks another(...) for it
                external.ifPresent(uri -> {
                    env.put("LORE_NEO4J_URI", uri.toString());
                    env.put("LORE_NEO4J_PASSWORD", Neo4jForTests.PASSWORD);
                });
                var config = Config.fromEnvironment(env);
                var clock = new TestClock();
                var passwords = new Passwords(1024, 1);
                Lore lore = LoreAccess.openWithoutIndexTimer(config, passwords, clock);
                lore.serve();
                running = new Running(
                        lore, new Http(URI.create("http://localhost:" + LoreAccess.port(lore))), dir, clock, passwords);
                Runtime.getRuntime()
                        .addShutdownHook(
                                Thread.ofPlatform().name("test-lore-shutdown").unstarted(() -> {
                                    lore.close();
                                    deleteTree(dir);
                                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return running;
    }

    /** Best effort: a test JVM leaves no store behind (each is hundreds of megabytes of Neo4j files). */
    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // the JVM is exiting; the temp folder's owner can remove what is left
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startAgain(get());
    }

    /**
     * What every test starts from, made again: the background work flushed, the clock reset, the
     * graph wiped (its version still rising) and the index cleared, and the three test accounts.
     */
    public static void startAgain(Running r) {
        // what the previous test left queued is written before the wipe, not into this test's graph
        r.settle();
        r.clock().reset();
        r.lore().sync().resetWith(() -> wipe(r.lore().graph()));
        accounts(r);
    }

    /**
     * Deletes every node and relationship and makes the change counter again, as {@link
     * Schema#wipe} does, in one transaction instead of forty: the constraints and indexes stay,
     * they are the same for every test. The graph's version ({@link GraphVersion}) ends above what it
     * was ({@link #versionAbove}), so nothing a server kept with a version of the old graph is taken
     * for the new one.
     */
    public static void wipe(Graph graph) {
        graph.write(tx -> {
            long before = version(tx);
            tx.run("MATCH (n) DETACH DELETE n").consume();
            tx.run("MERGE (c:Counter {name: 'change'}) ON CREATE SET c.value = 0")
                    .consume();
            versionAbove(tx, before);
            return null;
        });
    }

    /** The graph's version as {@link GraphVersion} reads it, in {@code tx}. */
    static long version(TransactionContext tx) {
        return tx.run(GraphVersion.VERSION_QUERY).single().get("graphVersion").asLong();
    }

    /**
     * Raises the counter of revoked sessions, which only the graph's version reads, so that the
     * version in {@code tx} is above {@code before}: after a test replaces the whole graph (a wipe, the
     * seeded store copied back) the version never comes back to a number a cache saw with other
     * content. A running server never replaces its graph; a restore starts a new one.
     */
    static void versionAbove(TransactionContext tx, long before) {
        tx.run("""
                        MERGE (s:Counter {name: 'sessions'}) ON CREATE SET s.value = 0
                        WITH s
                        OPTIONAL MATCH (c:Counter {name: 'change'})
                        WITH s, coalesce(c.value, 0) AS change
                        SET s.value = CASE WHEN change + s.value > $before THEN s.value ELSE $before + 1 - change END
                        """, Map.of("before", before)).consume();
    }

    /**
     * The admin, a contributor and a reader, as every test starts with them: made in one
     * transaction, then the index catches up once (a transaction and a catch-up each cost more than
     * the person written, before every test).
     */
    static void accounts(Running r) {
        r.lore().graph().inOneTransaction(() -> {
            LoreAccess.ensureAdmin(r.lore());
            r.lore()
                    .people()
                    .create(
                            "carla.contrib",
                            "Carla Contributor",
                            "carla@example.test",
                            "Platform",
                            "Engineer",
                            Role.CONTRIBUTOR,
                            Optional.of(PASSWORD));
            r.lore()
                    .people()
                    .create(
                            "rudi.reader",
                            "Rudi Reader",
                            "rudi@example.test",
                            "Sales",
                            "Account lead",
                            Role.READER,
                            Optional.of(PASSWORD));
            return null;
        });
        r.lore().sync().catchUp();
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == Running.class || p.getParameter().getType() == Http.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == Http.class ? get().http() : get();
    }
}
