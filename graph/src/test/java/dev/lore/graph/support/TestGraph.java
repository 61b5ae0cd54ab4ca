package dev.lore.graph.support;

import dev.lore.graph.EmbeddedNeo4j;
import dev.lore.graph.Graph;
import dev.lore.graph.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One embedded Neo4j per test JVM, reached over Bolt through a {@link Graph} exactly as the server
 * reaches it, with the schema applied. Before each test the graph is wiped (and the schema and the
 * change counter made again). Store tests take the {@link Graph} as a parameter:
 *
 * <pre>{@code @ExtendWith(TestGraph.class) class ArticleStoreTest { ... (Graph graph) ... }}</pre>
 */
public final class TestGraph implements BeforeEachCallback, ParameterResolver {
    private static Graph graph;

    /** The shared graph, started on first use and closed when the JVM exits. */
    public static synchronized Graph get() {
        if (graph == null) {
            try {
                Path dir = Files.createTempDirectory("lore-graph-test-");
                EmbeddedNeo4j db = EmbeddedNeo4j.start(dir.resolve("neo4j"), 0, 64L << 20);
                Graph connected = Graph.connect(db.boltUri(), null, null);
                Schema.apply(connected);
                Runtime.getRuntime()
                        .addShutdownHook(
                                Thread.ofPlatform().name("test-graph-shutdown").unstarted(() -> {
                                    connected.close();
                                    db.close();
                                }));
                graph = connected;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return graph;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Schema.wipe(get());
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == Graph.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return get();
    }
}
