package dev.lore.graph;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
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
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection to Neo4j: wraps the driver (one per application, as its documentation asks)
 * and runs units of work in managed transactions, which the driver retries on transient failures.
 * Thread-safe.
 */
public final class Graph implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Graph.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Driver driver;
    private final TransactionTimer timer;
    /** Whether {@link #current} was opened by {@link #inOneReadTransaction}. */
    private final ThreadLocal<Boolean> readOnly = ThreadLocal.withInitial(() -> false);

    /** The transaction {@link #inOneTransaction} opened on this thread, which reads and writes join. */
    private final ThreadLocal<TransactionContext> current = new ThreadLocal<>();

    /**
     * Every write transaction this object opens holds the shared side; {@link #exclusively} holds
     * the exclusive side, so no write of this server is in flight while it runs.
     */
    private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();

    /** The graph's version as first read in this thread's {@link #inOneReadTransaction}, if read yet. */
    private final ThreadLocal<Long> versionInRead = new ThreadLocal<>();

    /** Statements run through this object since it connected (each one a Bolt round trip). */
    private final java.util.concurrent.atomic.LongAdder statements = new java.util.concurrent.atomic.LongAdder();

    private Graph(Driver driver, TransactionTimer timer) {
        this.driver = driver;
        this.timer = timer;
    }

    /** Connects to {@code uri} in one attempt; with a null or blank user, without authentication. */
    public static Graph connect(URI uri, String user, String password) {
        return connect(uri, user, password, 1, TransactionTimer.NONE);
    }

    /**
     * Connects to {@code uri}, trying up to {@code attempts} times while the database is
     * unreachable, with a logged wait of 1, 2, 4 ... seconds (at most 30) in between. A refusal
     * other than unreachability (bad credentials, say) is not retried. On failure the driver is
     * closed, so none of its threads keeps the JVM alive.
     *
     * @param timer told the duration of every transaction
     * @throws GraphUnavailableException when no attempt succeeded
     */
    public static Graph connect(URI uri, String user, String password, int attempts, TransactionTimer timer) {
        return connect(uri, user, password, attempts, timer, DEFAULT_TIMEOUT);
    }

    /** The default of {@code timeout} in {@link #connect(URI, String, String, int, TransactionTimer, Duration)}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * As {@link #connect(URI, String, String, int, TransactionTimer)}; {@code timeout} bounds how
     * long one piece of work waits for the database while it is unreachable: opening a connection,
     * waiting for a free one in the pool, and retrying transient failures each take at most this
     * long, after which the work fails with the driver's {@code ServiceUnavailableException}.
     * Without it, a request would hang for the driver's defaults (30 s of retries, a minute for a
     * connection) when the database goes away. The driver reconnects by itself when it is back.
     */
    public static Graph connect(
            URI uri, String user, String password, int attempts, TransactionTimer timer, Duration timeout) {
        Objects.requireNonNull(uri, "uri must not be null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be 1 or more, was " + attempts);
        }
        AuthToken auth = user == null || user.isBlank() ? AuthTokens.none() : AuthTokens.basic(user, password);
        Duration wait = Duration.ofSeconds(1);
        for (int attempt = 1; ; attempt++) {
            // Encryption follows the URI scheme: bolt+s:// and neo4j+s:// encrypt, the plain ones do not.
            long millis = timeout.toMillis();
            var driver = GraphDatabase.driver(
                    uri,
                    auth,
                    Config.builder()
                            .withLogging(Logging.slf4j())
                            .withConnectionTimeout(millis, TimeUnit.MILLISECONDS)
                            .withConnectionAcquisitionTimeout(millis, TimeUnit.MILLISECONDS)
                            .withMaxTransactionRetryTime(millis, TimeUnit.MILLISECONDS)
                            .build());
            try {
                driver.verifyConnectivity();
                return new Graph(driver, timer);
            } catch (SecurityException e) {
                // wrong credentials or no access: trying again does not change that
                driver.close();
                throw new GraphUnavailableException("Neo4j at " + uri + " refused Lore: " + e.getMessage(), e);
            } catch (ServiceUnavailableException | SessionExpiredException | ClientException e) {
                // a client exception here is the pool's "Unable to acquire connection" when the
                // handshake outlasts the timeout (a database still starting, a busy machine)
                driver.close();
                if (attempt >= attempts) {
                    throw new GraphUnavailableException(
                            "cannot reach Neo4j at " + uri + " (" + attempts
                                    + (attempts == 1 ? " attempt" : " attempts") + "): " + e.getMessage(),
                            e);
                }
                LOG.warn(
                        "Neo4j at {} is not reachable (attempt {} of {}): {}; trying again in {} s",
                        uri,
                        attempt,
                        attempts,
                        e.getMessage(),
                        wait.toSeconds());
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait.multipliedBy(2);
            } catch (RuntimeException e) {
                driver.close();
                throw new GraphUnavailableException("Neo4j at " + uri + " refused Lore: " + e.getMessage(), e);
            }
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphUnavailableException("interrupted while waiting for Neo4j", e);
        }
    }

    /** Runs {@code work} in a session, telling the timer how long it took. */
    private <T> T timed(TransactionTimer.Kind kind, Function<org.neo4j.driver.Session, T> work) {
        long start = System.nanoTime();
        boolean failed = true;
        try (var session = driver.session()) {
            T result = work.apply(session);
            failed = false;
            return result;
        } finally {
            timer.record(kind, System.nanoTime() - start, failed);
        }
    }

    /** Runs read-only work; it may be retried, so it must not have side effects outside the graph. */
    public <T> T read(Function<TransactionContext, T> work) {
        TransactionContext joined = current.get();
        if (joined != null) {
            return work.apply(joined);
        }
        return timed(TransactionTimer.Kind.READ, session -> session.executeRead(tx -> work.apply(counted(tx))));
    }

    private TransactionContext counted(TransactionContext tx) {
        return new CountedStatements(tx, statements);
    }

    /**
     * How many statements have been run through this object since it connected, read or write,
     * joined or not: each costs a round trip to the database. For tests and diagnostics.
     */
    public long statementsRun() {
        return statements.sum();
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
        try {
            return timed(TransactionTimer.Kind.WRITE, session -> session.executeWrite(tx -> work.apply(counted(tx))));
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
            current.set(counted(tx));
            readOnly.set(read);
            versionInRead.remove();
            try {
                return work.get();
            } finally {
                current.remove();
                readOnly.remove();
                versionInRead.remove();
            }
        };
        if (read) {
            return timed(TransactionTimer.Kind.BATCH_READ, session -> session.executeRead(joined));
        }
        writes.readLock().lock();
        try {
            return timed(TransactionTimer.Kind.BATCH, session -> session.executeWrite(joined));
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

    /**
     * The graph's version ({@link GraphVersion}) by {@code read}, but read once per
     * {@link #inOneReadTransaction}: every cache a page view consults is checked against the same
     * number, read before anything it keeps, for one round trip instead of one per cache.
     * Outside such a transaction (or inside a write one, whose own writes move the version) it
     * reads every time.
     */
    long versionOnce(java.util.function.LongSupplier read) {
        if (current.get() == null || !readOnly.get()) {
            return read.getAsLong();
        }
        Long kept = versionInRead.get();
        if (kept == null) {
            kept = read.getAsLong();
            versionInRead.set(kept);
        }
        return kept;
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
