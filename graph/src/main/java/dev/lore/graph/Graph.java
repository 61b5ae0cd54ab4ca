package dev.lore.graph;

import java.net.URI;
import java.util.Objects;
import java.util.function.Function;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * The one connection to Neo4j: wraps the driver (one per application, as its documentation asks)
 * and runs units of work in managed transactions, which the driver retries on transient failures.
 * Thread-safe.
 */
public final class Graph implements AutoCloseable {
    private final Driver driver;

    private Graph(Driver driver) {
        this.driver = driver;
    }

    /** Connects to {@code uri}; with a null or blank user, connects without authentication. */
    public static Graph connect(URI uri, String user, String password) {
        Objects.requireNonNull(uri, "uri must not be null");
        AuthToken auth = user == null || user.isBlank() ? AuthTokens.none() : AuthTokens.basic(user, password);
        // Encryption follows the URI scheme: bolt+s:// and neo4j+s:// encrypt, the plain ones do not.
        var driver = GraphDatabase.driver(
                uri, auth, Config.builder().withLogging(Logging.slf4j()).build());
        driver.verifyConnectivity();
        return new Graph(driver);
    }

    /** Runs read-only work; it may be retried, so it must not have side effects outside the graph. */
    public <T> T read(Function<TransactionContext, T> work) {
        try (var session = driver.session()) {
            return session.executeRead(work::apply);
        }
    }

    /** Runs work in a write transaction that commits before this returns; it may be retried. */
    public <T> T write(Function<TransactionContext, T> work) {
        try (var session = driver.session()) {
            return session.executeWrite(work::apply);
        }
    }

    /** Whether the database answers now. */
    public boolean isUp() {
        try {
            return read(tx -> tx.run("RETURN 1").single().get(0).asInt()) == 1;
        } catch (Neo4jException | IllegalStateException e) {
            return false;
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
