package dev.lore.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lore.graph.support.TestGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.SecurityException;

/** The embedded database's Bolt port is no open door for other programs on the machine. */
class EmbeddedNeo4jIT {
    @TempDir
    Path store;

    private static void assertRefusesAnonymous(EmbeddedNeo4j db) {
        try (var driver = GraphDatabase.driver(db.boltUri(), AuthTokens.none())) {
            assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(SecurityException.class);
        }
    }

    /** Connects as the store tests do: a store just started on a busy machine may answer slowly. */
    private static Graph connect(EmbeddedNeo4j db, String password) {
        return Graph.connect(db.boltUri(), EmbeddedNeo4j.USER, password, 1, TransactionTimer.NONE, TestGraph.PATIENCE);
    }

    private static long count(EmbeddedNeo4j db) {
        try (var graph = connect(db, db.password())) {
            return graph.read(tx ->
                    tx.run("MATCH (n:Marker) RETURN count(n)").single().get(0).asLong());
        }
    }

    @Test
    void boltNeedsAPasswordKeptForTheOwnerOnlyAndReusedOnRestart() throws Exception {
        String first;
        try (var db = EmbeddedNeo4j.start(store, 0, 16L << 20)) {
            first = db.password();
            assertRefusesAnonymous(db);
            try (var driver = GraphDatabase.driver(db.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, "neo4j"))) {
                assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(SecurityException.class);
            }
            try (var graph = connect(db, first)) {
                graph.write(tx -> tx.run("CREATE (:Marker)").consume());
            }
        }
        Path file = store.resolve(EmbeddedNeo4j.PASSWORD_FILE);
        assertThat(Files.readString(file).strip()).isEqualTo(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        try (var db = EmbeddedNeo4j.start(store, 0, 16L << 20)) {
            assertThat(db.password()).isEqualTo(first);
            // the restart checked the password in process, not over Bolt
            assertThat(db.accepts(first)).contains(true);
            assertThat(db.accepts(first + "x")).contains(false);
            assertThat(count(db)).isEqualTo(1);
            assertRefusesAnonymous(db);
        }
    }

    @Test
    void aStoreFromBeforePasswordsOpensAndGetsOne() {
        // what Lore wrote before Bolt had a password: auth off, no password file
        var old = new DatabaseManagementServiceBuilder(store.toAbsolutePath())
                .setConfig(BoltConnector.enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 16L << 20)
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(100))
                .build();
        try {
            old.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
                    .executeTransactionally("CREATE (:Marker {from: $from})", Map.of("from", "before"));
        } finally {
            old.shutdown();
        }
        assertThat(store.resolve(EmbeddedNeo4j.PASSWORD_FILE)).doesNotExist();

        try (var db = EmbeddedNeo4j.start(store, 0, 16L << 20)) {
            assertThat(store.resolve(EmbeddedNeo4j.PASSWORD_FILE)).exists();
            assertThat(count(db)).isEqualTo(1);
            assertRefusesAnonymous(db);
        }
    }

    @Test
    void aNewStoreIsCreatedWithItsPasswordAndARestartCanChangeIt() {
        try (var db = EmbeddedNeo4j.serve(store, "localhost", 0, Optional.of("first-password"), 16L << 20)) {
            assertThat(db.password()).isEqualTo("first-password");
            assertThat(SystemUser.file(store))
                    .as("the initial user file, read once")
                    .doesNotExist();
            assertRefusesAnonymous(db);
            try (var driver = GraphDatabase.driver(db.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, "neo4j"))) {
                assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(SecurityException.class);
            }
            try (var graph = connect(db, "first-password")) {
                graph.write(tx -> tx.run("CREATE (:Marker)").consume());
            }
        }
        try (var db = EmbeddedNeo4j.serve(store, "localhost", 0, Optional.of("second-password"), 16L << 20)) {
            assertThat(count(db)).isEqualTo(1);
            try (var driver =
                    GraphDatabase.driver(db.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, "first-password"))) {
                assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(SecurityException.class);
            }
        }
    }
}
