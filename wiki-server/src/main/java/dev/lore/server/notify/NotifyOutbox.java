package dev.lore.server.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs delivery (emails, digests, webhooks) on one named background thread: on a timer in
 * production ({@link #start}), and when asked with {@link #flush}, which runs a round on that same
 * thread and waits for it, so tests decide when delivery happens. A failed round is logged and
 * retried on the next. Thread-safe.
 */
public final class NotifyOutbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyOutbox.class);

    /** One kind of delivery; returns how many items it delivered. */
    @FunctionalInterface
    public interface Step {
        int run();
    }

    private final List<Step> steps;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("lore-notify").daemon(true).factory());
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedRounds = new AtomicLong();
    private boolean started;

    public NotifyOutbox(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Starts delivering every {@code interval}. */
    public synchronized void start(Duration interval) {
        if (started || steps.isEmpty()) {
            return;
        }
        started = true;
        thread.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs one delivery round now on the delivery thread and waits for it; returns what it delivered. */
    public int flush(Duration timeout) {
        try {
            return thread.submit(this::round).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering notifications", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("notification delivery did not finish: " + e, e);
        }
    }

    private int round() {
        int total = 0;
        var failures = new ArrayList<String>();
        for (Step step : steps) {
            try {
                total += step.run();
            } catch (RuntimeException e) {
                failures.add(e.toString());
            }
        }
        if (!failures.isEmpty()) {
            failedRounds.incrementAndGet();
            LOG.warn("Notification delivery failed, will retry: {}", failures);
        }
        delivered.addAndGet(total);
        return total;
    }

    /** Items delivered since start. */
    public long delivered() {
        return delivered.get();
    }

    public long failedRounds() {
        return failedRounds.get();
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
