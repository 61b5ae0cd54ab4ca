package dev.lore.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bookkeeping written behind the request that caused it (a logged search, a suggestion made, a
 * page read): one background thread takes everything waiting at once and hands it to {@code
 * write} in batches of at most {@code maxBatch}, so a busy server writes one transaction for many
 * items instead of falling behind with one each. At most {@code maxWaiting} items wait; beyond
 * that an item is dropped with a warning. A failed write is logged, never thrown. {@link #flush}
 * waits for everything added before it and says so when it cannot. Thread-safe.
 */
public final class BatchWriter<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final String what;
    private final Consumer<List<T>> write;
    private final int maxBatch;
    private final int maxWaiting;
    private final ConcurrentLinkedQueue<T> waiting = new ConcurrentLinkedQueue<>();
    /** Items added and not yet written (or failed): what {@link #flush} reports when it times out. */
    private final AtomicInteger unwritten = new AtomicInteger();

    /**
     * A drain is queued on {@link #thread} and has not started taking items yet. Read and set under
     * this object's lock, together with queueing the drain, so that once {@link #add} returns, a
     * drain that will take its item is already queued: a task queued after it (a flush) runs after.
     */
    private boolean scheduled;

    private final AtomicLong dropped = new AtomicLong();

    private final ExecutorService thread;

    /** {@link #flush} ran out of time, or was interrupted, before everything added was written. */
    public static final class NotWrittenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotWrittenException(String message) {
            super(message);
        }
    }

    public BatchWriter(String what, String threadName, Consumer<List<T>> write, int maxBatch, int maxWaiting) {
        this.what = what;
        this.write = write;
        this.maxBatch = maxBatch;
        this.maxWaiting = maxWaiting;
        this.thread = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name(threadName).daemon(true).factory());
    }

    /** Queues an item; the background thread writes it soon. */
    public void add(T item) {
        if (unwritten.incrementAndGet() > maxWaiting) {
            unwritten.decrementAndGet();
            dropped.incrementAndGet();
            LOG.warn("{}: {} waiting to be written; one dropped", what, maxWaiting);
            return;
        }
        waiting.add(item);
        synchronized (this) {
            if (!scheduled) {
                try {
                    thread.execute(this::drain);
                    scheduled = true;
                } catch (RejectedExecutionException e) {
                    // closed: what waits now is not written
                }
            }
        }
    }

    private void drain() {
        synchronized (this) {
            scheduled = false;
        }
        while (true) {
            var batch = new ArrayList<T>();
            for (T item; batch.size() < maxBatch && (item = waiting.poll()) != null; ) {
                batch.add(item);
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                write.accept(batch);
            } catch (RuntimeException e) {
                LOG.warn("{}: could not write {}: {}", what, batch.size(), e.toString());
            } finally {
                unwritten.addAndGet(-batch.size());
            }
        }
    }

    /**
     * Reports this queue in the metrics as {@code lore_background_queue{queue}} (items waiting to
     * be written) and {@code lore_background_dropped_total{queue}} (items dropped because it was full).
     */
    public void measure(dev.lore.server.ops.Metrics metrics, String queue) {
        metrics.gauge(
                "lore.background.queue",
                "Items waiting to be written in the background",
                unwritten::get,
                "queue",
                queue);
        metrics.counter(
                "lore.background.dropped",
                "Items dropped because the background queue was full",
                dropped::get,
                "queue",
                queue);
    }

    /**
     * Waits until everything added before this call is written (or failed and was logged): the
     * writer's thread runs tasks in order, so a marker queued now runs after the drains that take
     * those items. Returns at once when the writer is closed ({@link #close} waited already).
     *
     * @throws NotWrittenException when {@code timeout} passes first, or the wait is interrupted
     */
    public void flush(Duration timeout) {
        Future<?> marker;
        try {
            marker = thread.submit(() -> {});
        } catch (RejectedExecutionException e) {
            return;
        }
        try {
            marker.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new NotWrittenException(
                    what + ": " + unwritten.get() + " still waiting to be written after " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotWrittenException(
                    what + ": interrupted while waiting for " + unwritten.get() + " to be written");
        } catch (ExecutionException e) {
            throw new IllegalStateException("an empty task failed", e);
        }
    }

    /** Writes what is waiting (up to ten seconds), then stops. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("{}: {} not written before shutdown", what, unwritten.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
