package dev.lore.server;

import dev.lore.graph.EmbeddedNeo4j;
import dev.lore.graph.Graph;
import dev.lore.graph.TransactionTimer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A graph connection and what to close with it (the driver, the embedded database). */
public record OpenGraph(Graph graph, List<AutoCloseable> resources) implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenGraph.class);

    /**
     * The graph alone, as {@link Lore#open(Config)} connects to it, with no schema applied, no index and no
     * services: for backups and restores from the command line. Closing it stops the embedded
     * database.
     */
    public static OpenGraph open(Config config) {
        var resources = new ArrayList<AutoCloseable>();
        try {
            return new OpenGraph(connect(config, resources, TransactionTimer.NONE), resources);
        } catch (RuntimeException e) {
            new OpenGraph(null, resources).close();
            throw e;
        }
    }

    /**
     * Connects to the configured Neo4j (starting the embedded one in the data directory when no
     * URI is set) and appends what must be closed, in opening order, to {@code closeInReverse}.
     */
    static Graph connect(Config config, List<AutoCloseable> closeInReverse, TransactionTimer timer) {
        Graph graph;
        int attempts = config.ops().neo4jConnectAttempts();
        if (config.neo4jUri().isPresent()) {
            graph = Graph.connect(
                    config.neo4jUri().get(),
                    config.neo4jUser(),
                    config.neo4jPassword(),
                    attempts,
                    timer,
                    config.ops().neo4jTimeout());
            LOG.info("Connected to Neo4j at {}", config.neo4jUri().get());
        } else {
            EmbeddedNeo4j embedded = EmbeddedNeo4j.start(config.storeDir(), 0, config.pageCacheBytes());
            closeInReverse.add(embedded);
            graph = Graph.connect(
                    embedded.boltUri(),
                    EmbeddedNeo4j.USER,
                    embedded.password(),
                    attempts,
                    timer,
                    config.ops().neo4jTimeout());
        }
        closeInReverse.add(graph);
        return graph;
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed: {}", resources.get(i).getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** The embedded database among what {@link #connect} opened, if it started one. */
    static java.util.Optional<EmbeddedNeo4j> embedded(List<AutoCloseable> opened) {
        return opened.stream()
                .filter(EmbeddedNeo4j.class::isInstance)
                .map(EmbeddedNeo4j.class::cast)
                .findFirst();
    }

    /**
     * Creates the constraints and indexes the store lacks. The embedded database says what it has
     * without a Cypher query (the first ones a JVM plans are slow); another Neo4j is asked through
     * Cypher.
     */
    static void applySchema(Graph graph, java.util.Optional<EmbeddedNeo4j> embedded) {
        var shape = embedded.map(EmbeddedNeo4j::shape).orElseGet(() -> dev.lore.graph.StoreShape.read(graph));
        dev.lore.graph.Schema.apply(graph, shape, embedded);
        dev.lore.graph.notify.NotifySchema.apply(graph, shape, embedded);
    }
}
