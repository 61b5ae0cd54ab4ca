package dev.lore.server.cli;

import dev.lore.graph.EmbeddedNeo4j;
import dev.lore.graph.Graph;
import dev.lore.graph.Schema;
import dev.lore.graph.TransactionTimer;
import dev.lore.graph.notify.NotifySchema;
import dev.lore.server.Config;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code lore graph}: runs only the database, as a standalone Neo4j Bolt server that several Lore
 * servers share through {@code LORE_NEO4J_URI}. Its store is {@code LORE_DATA_DIR/neo4j}; it
 * listens on {@code LORE_GRAPH_LISTEN} and asks for user {@code neo4j} with {@code
 * LORE_NEO4J_PASSWORD}, and refuses to listen beyond this machine without a password. It applies
 * Lore's schema before it says it listens, so servers starting together do not race to create it.
 * Runs until the JVM is stopped.
 */
public final class GraphCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) throws InterruptedException {
        if (!args.isEmpty()) {
            Cli.fail("graph takes no arguments (settings come from LORE_GRAPH_LISTEN, LORE_NEO4J_PASSWORD,"
                    + " LORE_DATA_DIR); unexpected: " + args.getFirst());
        }
        Config config = Cli.config();
        GraphSettings settings;
        try {
            settings = GraphSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            Cli.fail(e.getMessage());
            return;
        }
        if (settings.password().isEmpty() && !settings.loopback()) {
            Cli.fail("lore graph would listen on " + settings.host()
                    + ", reachable from other machines, without a password: set LORE_NEO4J_PASSWORD"
                    + " (8 characters or more), or listen on 127.0.0.1");
            return;
        }
        EmbeddedNeo4j db;
        try {
            db = EmbeddedNeo4j.serve(
                    config.storeDir(), settings.host(), settings.port(), settings.password(), config.pageCacheBytes());
        } catch (RuntimeException e) {
            if (Cli.locked(e)) {
                Cli.fail("the data directory " + config.dataDir().toAbsolutePath() + " is in use by a running Lore");
            }
            throw e;
        }
        try (Graph graph = Graph.connect(db.boltUri(), EmbeddedNeo4j.USER, db.password(), 3, TransactionTimer.NONE)) {
            var shape = db.shape(); // as Lore reads it: once, without a Cypher query
            Schema.apply(graph, shape);
            NotifySchema.apply(graph, shape);
        } catch (RuntimeException e) {
            db.close(); // Neo4j's threads would keep the JVM alive
            throw e;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(Thread.ofPlatform().name("lore-graph-shutdown").unstarted(() -> {
                    db.close();
                    stopped.countDown();
                }));
        out.println("lore graph: Bolt listening on " + db.boltUri() + " as user " + EmbeddedNeo4j.USER
                + (settings.password().isPresent()
                        ? " (password from LORE_NEO4J_PASSWORD)"
                        : " (password in " + config.storeDir().resolve(EmbeddedNeo4j.PASSWORD_FILE) + ")"));
        out.flush();
        stopped.await();
    }
}
