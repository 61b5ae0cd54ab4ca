package dev.lore.server.notify;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sweep (stale-page reminders) every {@code period} on a named thread of its own. A failed
 * round is logged and the next one tries again; what a round did is logged when it did something.
 */
public final class PeriodicSweep implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicSweep.class);

    private final ScheduledExecutorService thread;

    /**
     * @param name the thread's name, and what the log lines say ran
     * @param did how the log line names what one round did ("stale-page reminders sent")
     */
    public PeriodicSweep(String name, Duration period, String did, IntSupplier sweep) {
        thread = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name(name).daemon().unstarted(r));
        thread.scheduleWithFixedDelay(
                () -> {
                    try {
                        int n = sweep.getAsInt();
                        if (n > 0) {
                            LOG.info("{}: {}", did, n);
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("{} failed, will try again: {}", name, e.toString());
                    }
                },
                period.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
