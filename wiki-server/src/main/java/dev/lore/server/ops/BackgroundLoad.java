package dev.lore.server.ops;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One piece of start-up work that runs on its own named thread while the server already answers
 * (loading the seed pack into a new store), so readiness can wait for it and liveness need not.
 * The work is handed a "stop asked" flag to check between steps; {@link #close} raises it and
 * waits for the work to stop. Thread-safe.
 */
public final class BackgroundLoad implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundLoad.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final String what;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopAsked;
    private volatile Optional<String> failure = Optional.empty();

    private BackgroundLoad(String what) {
        this.what = what;
    }

    /** Nothing to load: finished from the start. */
    public static BackgroundLoad none(String what) {
        var load = new BackgroundLoad(what);
        load.finished.countDown();
        return load;
    }

    /** Starts {@code work} on a thread named {@code threadName}; it receives the "stop asked" flag. */
    public static BackgroundLoad start(String what, String threadName, Consumer<BooleanSupplier> work) {
        var load = new BackgroundLoad(what);
        Thread.ofPlatform().name(threadName).daemon(true).start(() -> load.run(work));
        return load;
    }

    private void run(Consumer<BooleanSupplier> work) {
        long start = System.nanoTime();
        try {
            work.accept(() -> stopAsked);
            LOG.info("Finished {} in {} ms", what, (System.nanoTime() - start) / 1_000_000);
        } catch (CancellationException e) {
            failure = Optional.of("stopped before it finished");
            LOG.info("Stopped {} before it finished", what);
        } catch (RuntimeException e) {
            failure = Optional.of(String.valueOf(e.getMessage()));
            LOG.error("Failed {}", what, e);
        } finally {
            finished.countDown();
        }
    }

    /** Why this does not count as done yet: still running, or failed; empty once it succeeded. */
    public Optional<String> problem() {
        if (finished.getCount() > 0) {
            return Optional.of(what + ": still running");
        }
        return failure.map(f -> what + ": failed: " + f);
    }

    /** Why this is not done yet while it still runs; empty once it ended, however it ended. */
    public Optional<String> stillRunning() {
        return finished.getCount() > 0 ? Optional.of(what + ": still running") : Optional.empty();
    }

    /** Waits until the work has ended (or {@code timeout} passed); whether it has. */
    public boolean await(Duration timeout) {
        try {
            return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the work to stop and waits for it (up to 30 s). */
    @Override
    public void close() {
        stopAsked = true;
        if (!await(STOP_WAIT)) {
            LOG.warn("{} did not stop within {} s", what, STOP_WAIT.toSeconds());
        }
    }
}
