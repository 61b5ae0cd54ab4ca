package dev.lore.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * that an item is dropped with a warning. A failed write is logged, never thrown. Thread-safe.
 */
public final class BatchWriter<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final String what;
    private final Consumer<List<T>> write;
    private final int maxBatch;
    private final int maxWaiting;
    private final ConcurrentLinkedQueue<T> waiting = new ConcurrentLinkedQueue<>();
    /** Items added and not yet written (or failed): what {@link #flush} waits for. */
    private final AtomicInteger unwritten = new AtomicInteger();

    private final AtomicLong dropped = new AtomicLong();

    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ExecutorService thread;

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
        if (scheduled.compareAndSet(false, true)) {
            try {
                thread.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false); // closed: what waits now is not written
            }
        }
    }

    private void drain() {
        scheduled.set(false);
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

    /** Waits (up to {@code timeout}) until everything added so far is written. */
    public void flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (unwritten.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
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
