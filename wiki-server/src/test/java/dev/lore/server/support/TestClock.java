package dev.lore.server.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The test server's clock. It does not follow the wall clock: {@link #reset} (which {@link
 * TestLore} calls before each test) starts it at the system's UTC time, and from then on each
 * reading is {@link #TICK} after the one before. So every reading is distinct and in order, and
 * how much time passes in a test depends on what the test does, never on how busy the machine is:
 * what Lore keeps for a while (remembered sign-ins, expert-finding caches) expires only when a
 * test moves the clock. A test can also set a time (last week, a year ago); it stays there until
 * set again or reset. Thread-safe.
 */
public final class TestClock extends Clock {
    /** How far the clock moves on each reading while it is not set. */
    public static final Duration TICK = Duration.ofMillis(1);

    private record State(Instant at, boolean ticking) {}

    private final AtomicReference<State> state = new AtomicReference<>(new State(Instant.now(), true));

    /** From now on, the time is {@code at} (until set again or reset). */
    public void set(Instant at) {
        state.set(new State(at, false));
    }

    /** Back to the system's time, moving on by {@link #TICK} per reading. */
    public void reset() {
        state.set(new State(Instant.now(), true));
    }

    @Override
    public Instant instant() {
        return state.getAndUpdate(s -> s.ticking() ? new State(s.at().plus(TICK), true) : s)
                .at();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
