package dev.lore.graph;

import java.net.URI;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * The one connection to Neo4j: wraps the driver (one per application, as its documentation asks)
 * and runs units of work in managed transactions, which the driver retries on transient failures.
 * Thread-safe.
 */
public final class Graph implements AutoCloseable {
    private final Driver driver;
    /** Whether {@link #current} was opened by {@link #inOneReadTransaction}. */
    private final ThreadLocal<Boolean> readOnly = ThreadLocal.withInitial(() -> false);

    /** The transaction {@link #inOneTransaction} opened on this thread, which reads and writes join. */
    private final ThreadLocal<TransactionContext> current = new ThreadLocal<>();

    /**
     * Every write transaction this object opens holds the shared side; {@link #exclusively} holds
     * the exclusive side, so no write of this server is in flight while it runs.
     */
    private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();

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
        TransactionContext joined = current.get();
        if (joined != null) {
            return work.apply(joined);
        }
        try (var session = driver.session()) {
            return session.executeRead(work::apply);
        }
    }

    /** Runs work in a write transaction that commits before this returns; it may be retried. */
    public <T> T write(Function<TransactionContext, T> work) {
        TransactionContext joined = current.get();
        if (joined != null && readOnly.get()) {
            throw new IllegalStateException("a write inside inOneReadTransaction: do it outside, or in the background");
        }
        if (joined != null) {
            return work.apply(joined);
        }
        writes.readLock().lock();
        try (var session = driver.session()) {
            return session.executeWrite(work::apply);
        } finally {
            writes.readLock().unlock();
        }
    }

    /**
     * Runs {@code work} in one write transaction that every {@link #read} and {@link #write} this
     * thread makes meanwhile joins, so many store calls commit together (or not at all): bulk imports
     * save hundreds of revisions per commit instead of one. Later reads in {@code work} see its
     * earlier writes. Like any managed transaction it may be retried, so {@code work} must not keep
     * state outside the graph before this returns. Nested calls join the outer transaction.
     */
    public <T> T inOneTransaction(Supplier<T> work) {
        return joinedBy(false, work);
    }

    /**
     * Runs {@code work} in one read transaction that every {@link #read} this thread makes meanwhile
     * joins: a request that asks the graph ten things pays for one transaction, not ten (each costs
     * a session and a begin and a commit over Bolt). Writes inside it fail. It may be retried, so
     * {@code work} must only read. Nested calls join the outer transaction.
     */
    public <T> T inOneReadTransaction(Supplier<T> work) {
        return joinedBy(true, work);
    }

    /** Opens the transaction this thread's reads (and unless {@code read}, writes) join. */
    private <T> T joinedBy(boolean read, Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        org.neo4j.driver.TransactionCallback<T> joined = tx -> {
            current.set(tx);
            readOnly.set(read);
            try {
                return work.get();
            } finally {
                current.remove();
                readOnly.remove();
            }
        };
        if (read) {
            try (var session = driver.session()) {
                return session.executeRead(joined);
            }
        }
        writes.readLock().lock();
        try (var session = driver.session()) {
            return session.executeWrite(joined);
        } finally {
            writes.readLock().unlock();
        }
    }

    /**
     * Runs {@code work} in one transaction while no other write through this object is in flight:
     * it waits for the writes that started before it to commit, and writes that start meanwhile
     * wait until it returns. Reads go on. The transaction is a write transaction (so {@code work}
     * can take write locks, such as the change counter's) and is not retried: {@code work} may have
     * side effects outside the graph, such as writing a file. Anything {@code work} writes is
     * committed when it returns normally and rolled back when it throws. For consistent backups.
     */
    public <T> T exclusively(Function<SimpleQueryRunner, T> work) {
        if (current.get() != null) {
            throw new IllegalStateException("exclusively inside another transaction of this thread");
        }
        writes.writeLock().lock();
        try (var session = driver.session();
                var tx = session.beginTransaction()) {
            T result = work.apply(tx);
            tx.commit();
            return result;
        } finally {
            writes.writeLock().unlock();
        }
    }

    /** Whether this thread is inside {@link #inOneTransaction}, so its writes are not committed yet. */
    public boolean inTransaction() {
        return current.get() != null && !readOnly.get();
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
