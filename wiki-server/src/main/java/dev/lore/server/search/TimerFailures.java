package dev.lore.server.search;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;

/**
 * Runs the index timer's jobs so that a failure is logged and retried at the next round instead of
 * ending the timer. A job that goes on failing (the database away for minutes, polled several
 * times a second) is logged as a warning once, then at debug level, and once more when it works
 * again.
 */
final class TimerFailures {
    private final Logger log;
    private final ConcurrentMap<String, String> failing = new ConcurrentHashMap<>();

    TimerFailures(Logger log) {
        this.log = log;
    }

    /** {@code job}, guarded: its failures are logged under {@code what} and it runs again next round. */
    Runnable guarded(String what, Runnable job) {
        return () -> {
            try {
                job.run();
                if (failing.remove(what) != null) {
                    log.info("Index {} works again", what);
                }
            } catch (RuntimeException e) {
                if (failing.put(what, e.toString()) == null) {
                    log.warn("Index {} failed, will retry: {}", what, e.toString());
                } else {
                    log.debug("Index {} failed again, will retry: {}", what, e.toString());
                }
            }
        };
    }
}
