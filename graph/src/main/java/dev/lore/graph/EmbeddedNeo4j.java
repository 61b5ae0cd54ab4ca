package dev.lore.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
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
 * <p>Bolt asks for a password, so that other programs on the same machine cannot read or change
 * the wiki through the loopback port. The password is generated on the first start and kept in
 * {@value #PASSWORD_FILE} in the store directory, readable by its owner only; later starts reuse
 * it. A new store is created with it (Neo4j's initial-user file, so no Cypher runs before the
 * database is usable); a store from before passwords (or one whose file was deleted) gets a new one
 * when it opens.
 *
 * <p>Neo4j's threads are not daemons: always {@link #close()} (the server does so in a shutdown
 * hook), or the JVM never exits.
 */
public final class EmbeddedNeo4j implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    /** The file in the store directory holding the Bolt password. */
    public static final String PASSWORD_FILE = "bolt-password";
    /** The Bolt user (Neo4j's built-in administrator). */
    public static final String USER = "neo4j";

    private final DatabaseManagementService dbms;
    private final URI boltUri;
    private final String password;

    private EmbeddedNeo4j(DatabaseManagementService dbms, URI boltUri, String password) {
        this.dbms = dbms;
        this.boltUri = boltUri;
        this.password = password;
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
        return open(storeDir, "localhost", boltPort, Optional.empty(), pageCacheBytes);
    }

    /**
     * Starts a database stored in {@code storeDir} as a standalone Bolt server for other processes
     * (several Lore servers): Bolt listens on {@code host:port} and asks for {@link #USER} with
     * {@code password}, which is set on the store when it differs from the one it has. Without a
     * password, the generated one in {@value #PASSWORD_FILE} is used.
     *
     * @param port the Bolt port, or 0 for any free one ({@link #boltUri()} tells which)
     * @param password at least 8 characters (Neo4j's minimum), when given
     */
    public static EmbeddedNeo4j serve(
            Path storeDir, String host, int port, Optional<String> password, long pageCacheBytes) {
        Objects.requireNonNull(storeDir, "storeDir must not be null");
        Objects.requireNonNull(host, "host must not be null");
        password.ifPresent(p -> {
            if (p.length() < 8) {
                throw new IllegalArgumentException(
                        "the Bolt password must be at least 8 characters, was " + p.length());
            }
        });
        return open(storeDir, host, port, password, pageCacheBytes);
    }

    private static EmbeddedNeo4j open(
            Path storeDir, String host, int boltPort, Optional<String> givenPassword, long pageCacheBytes) {
        if (boltPort < 0 || boltPort > 65535) {
            throw new IllegalArgumentException("boltPort must be 0-65535, was " + boltPort);
        }
        int port = boltPort == 0 ? freePort(host) : boltPort;
        long started = System.nanoTime();
        BoltPassword stored = givenPassword
                .map(p -> new BoltPassword(p, false))
                .orElseGet(() -> BoltPassword.loadOrCreate(storeDir.resolve(PASSWORD_FILE)));
        boolean newStore = SystemUser.isNewStore(storeDir);
        if (newStore) {
            SystemUser.write(storeDir, USER, stored.password());
        }
        var dbms = new DatabaseManagementServiceBuilder(storeDir.toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                // Preallocated transaction logs take 256 MiB per database (system included) on
                // disk from the first start; a wiki's write rate gains nothing from them.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                // A store growing from empty (imports, seeds) otherwise re-plans every query every 10 s
                // as its statistics move; Lore's queries are index lookups whose plans do not change.
                .setConfig(GraphDatabaseSettings.cypher_min_replan_interval, Duration.ofMinutes(5))
                // One plan per query and parameter types, not one per bucket of each string's and
                // list's length (under 10, under 100, ...): a write with eight text parameters was
                // planned 15 times in one test run. The length only informs cardinality estimates of
                // UNWIND over a list; Lore's queries look up by unique keys either way.
                .setConfig(GraphDatabaseInternalSettings.cypher_size_hint_parameters, false)
                // An internal wiki's database does not report its use to Neo4j or announce itself to a
                // fleet manager (neither can reach out from most company networks anyway), and a start
                // does not write pages of machine and store diagnostics to debug.log.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(org.neo4j.fleetmanagement.FleetManagementSettings.fleet_manager_enabled, false)
                .setConfig(GraphDatabaseInternalSettings.dump_diagnostics, false)
                // Without these two, shutdown waits 10 s for idle Bolt threads.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(100))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(100))
                .build();
        var uri = URI.create("bolt://" + Hosts.reachable(host) + ":" + port);
        try {
            SystemUser.remove(storeDir); // read when the store was created; a hash of the password
            boolean reset = !newStore
                    && (stored.created()
                            || !SystemUser.accepts(dbms, USER, stored.password())
                                    .orElseGet(() -> BoltPassword.accepted(uri, USER, stored.password())));
            if (reset) {
                // the embedded API is not asked for credentials: it can set the password of a store
                // from before passwords, or reset a lost one
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                        .executeTransactionally(
                                "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                                Map.of("password", stored.password()));
            }
            if (newStore || reset) {
                LOG.info(
                        "Embedded Neo4j: Bolt password set ({})",
                        givenPassword.isPresent() ? "as configured" : "kept in " + storeDir.resolve(PASSWORD_FILE));
            }
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e;
        }
        LOG.info(
                "Embedded Neo4j started in {} ms, store {}, page cache {} MiB, Bolt {}",
                (System.nanoTime() - started) / 1_000_000,
                storeDir,
                pageCacheBytes >> 20,
                uri);
        return new EmbeddedNeo4j(dbms, uri, stored.password());
    }

    /**
     * The default database's constraint and index names, and whether its change counter exists,
     * read in process through Neo4j's API: no Cypher to plan, unlike {@link StoreShape#read}.
     */
    public StoreShape shape() {
        var names = new java.util.HashSet<String>();
        try (var tx = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).beginTx()) {
            tx.schema().getConstraints().forEach(c -> names.add(c.getName()));
            tx.schema().getIndexes().forEach(i -> names.add(i.getName()));
            boolean counter = tx.findNode(org.neo4j.graphdb.Label.label("Counter"), "name", "change") != null;
            return new StoreShape(names, counter);
        }
    }

    /** Makes the missing ones of {@code statements} in process ({@link InProcessSchema}); returns how many. */
    int createSchema(java.util.List<String> statements, java.util.Set<String> present) {
        return InProcessSchema.create(dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME), statements, present);
    }

    /** Creates the change counter at 0 unless it exists, in process (what the Cypher {@code MERGE} does). */
    void createChangeCounter() {
        try (var tx = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).beginTx()) {
            var label = org.neo4j.graphdb.Label.label("Counter");
            if (tx.findNode(label, "name", "change") == null) {
                var counter = tx.createNode(label);
                counter.setProperty("name", "change");
                counter.setProperty("value", 0L);
            }
            tx.commit();
        }
    }

    /** Whether the store's built-in user signs in with {@code password}, asked in process. */
    Optional<Boolean> accepts(String password) {
        return SystemUser.accepts(dbms, USER, password);
    }

    public URI boltUri() {
        return boltUri;
    }

    /** The Bolt password of {@link #USER}. */
    public String password() {
        return password;
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        dbms.shutdown();
        LOG.info("Embedded Neo4j stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static int freePort(String host) {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName(host.replaceAll("^\\[|\\]$", "")))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for Bolt on " + host, e);
        }
    }
}
