package dev.lore.server.notify;

import dev.lore.graph.notify.StaleReminderStore;
import java.time.Clock;
import java.time.Instant;

/**
 * Reminds owners of pages past their review date: one {@code page-stale} notification per page
 * each time it falls due, written in the transaction that claims the reminder, so several servers
 * sweeping one database remind once. A {@link PeriodicSweep} runs {@link #sweep} in production;
 * tests call it with their clock. Thread-safe.
 */
public final class StaleReminders {
    /** Pages looked at per sweep; the rest wait for the next. */
    static final int BATCH = 200;

    private final StaleReminderStore store;
    private final Notifier notifier;
    private final Clock clock;

    public StaleReminders(StaleReminderStore store, Notifier notifier, Clock clock) {
        this.store = store;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Reminds the owners of pages that fell due since the last sweep; returns how many pages. */
    public int sweep() {
        Instant now = clock.instant();
        int reminded = 0;
        for (var due : store.due(now, BATCH)) {
            boolean claimed = notifier.together(() -> store.claim(due.slug(), now)
                    .map(d -> {
                        notifier.pageStale(d.slug(), d.title(), d.owner(), d.dueAt());
                        return true;
                    })
                    .orElse(false));
            if (claimed) {
                reminded++;
            }
        }
        return reminded;
    }
}
