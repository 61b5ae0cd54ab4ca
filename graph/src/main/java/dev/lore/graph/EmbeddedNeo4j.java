package dev.lore.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j database running inside this JVM with its Bolt connector on a loopback port, so that the
 * rest of Lore talks to it through the driver exactly as it would to an external server.
 *
 * <p>Neo4j's threads are not daemons: always {@link #close()} (the server does so in a shutdown
 * hook), or the JVM never exits.
 */
public final class EmbeddedNeo4j implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService dbms;
    private final URI boltUri;

    private EmbeddedNeo4j(DatabaseManagementService dbms, URI boltUri) {
        this.dbms = dbms;
        this.boltUri = boltUri;
    }

    /**
     * Starts a database stored in {@code storeDir}.
     *
     * @param boltPort the loopback port for Bolt, or 0 for any free port
     */
    public static EmbeddedNeo4j start(Path storeDir, int boltPort) {
        return start(storeDir, boltPort, 128L << 20);
    }

    /**
     * As {@link #start(Path, int)}, with a page cache of {@code pageCacheBytes}: the store pages
     * kept in memory (a store larger than its page cache reads from disk on every query).
     */
    public static EmbeddedNeo4j start(Path storeDir, int boltPort, long pageCacheBytes) {
        Objects.requireNonNull(storeDir, "storeDir must not be null");
        if (boltPort < 0 || boltPort > 65535) {
            throw new IllegalArgumentException("boltPort must be 0-65535, was " + boltPort);
        }
        int port = boltPort == 0 ? freeLoopbackPort() : boltPort;
        long started = System.nanoTime();
        var dbms = new DatabaseManagementServiceBuilder(storeDir.toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("localhost", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                // Without these two, shutdown waits 10 s for idle Bolt threads.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(100))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(100))
                .build();
        var uri = URI.create("bolt://localhost:" + port);
        LOG.info(
                "Embedded Neo4j started in {} ms, store {}, page cache {} MiB, Bolt {}",
                (System.nanoTime() - started) / 1_000_000,
                storeDir,
                pageCacheBytes >> 20,
                uri);
        return new EmbeddedNeo4j(dbms, uri);
    }

    public URI boltUri() {
        return boltUri;
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        dbms.shutdown();
        LOG.info("Embedded Neo4j stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static int freeLoopbackPort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for Bolt", e);
        }
    }
}
