package dev.lore.graph.support;

import dev.lore.graph.EmbeddedNeo4j;
import dev.lore.graph.Graph;
import dev.lore.graph.Schema;
import dev.lore.graph.TransactionTimer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One embedded Neo4j per test JVM, reached over Bolt through a {@link Graph} exactly as the server
 * reaches it, with the schema applied once. Before each test every node is deleted and the change
 * counter made again. Store tests take the {@link Graph} as a parameter:
 *
 * <pre>{@code @ExtendWith(TestGraph.class) class ArticleStoreTest { ... (Graph graph) ... }}</pre>
 */
public final class TestGraph implements BeforeEachCallback, ParameterResolver {
    private static Graph graph;
    private static EmbeddedNeo4j database;

    /**
     * How long work waits for the database: the driver's check at connect time waits for the
     * first connection, which a store still starting on a busy machine may give out only after
     * the 5 s default. No store test is about an unreachable database.
     */
    public static final Duration PATIENCE = Duration.ofMinutes(5);

    /** The shared graph, started on first use and closed when the JVM exits. */
    public static synchronized Graph get() {
        if (graph == null) {
            try {
                Path dir = Files.createTempDirectory("lore-graph-test-");
                EmbeddedNeo4j db = EmbeddedNeo4j.start(dir.resolve("neo4j"), 0, 64L << 20);
                Graph connected = Graph.connect(
                        db.boltUri(), EmbeddedNeo4j.USER, db.password(), 1, TransactionTimer.NONE, PATIENCE);
                Schema.apply(connected);
                Runtime.getRuntime()
                        .addShutdownHook(
                                Thread.ofPlatform().name("test-graph-shutdown").unstarted(() -> {
                                    connected.close();
                                    db.close();
                                    // a store left behind per test run filled the disk over a day of builds
                                    deleteTree(dir);
                                }));
                graph = connected;
                database = db;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return graph;
    }

    /** The embedded database behind {@link #get()}, for tests of what it answers in process. */
    public static synchronized EmbeddedNeo4j database() {
        get();
        return database;
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the JVM is exiting; a directory left in the temporary folder is all that is lost
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // as Schema.wipe, in one transaction: the constraints and indexes stay the same
        get().write(tx -> {
            tx.run("MATCH (n) DETACH DELETE n").consume();
            tx.run("MERGE (c:Counter {name: 'change'}) ON CREATE SET c.value = 0")
                    .consume();
            return null;
        });
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == Graph.class || p.getParameter().getType() == EmbeddedNeo4j.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == EmbeddedNeo4j.class ? database() : get();
    }
}
