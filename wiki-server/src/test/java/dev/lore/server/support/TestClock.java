package dev.lore.server.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The test server's clock: the system's UTC time unless a test sets it, so a test can do things
 * at chosen times (last week, a year ago) through the ordinary API. {@link TestLore} puts it back
 * to the system time before each test. Thread-safe.
 */
public final class TestClock extends Clock {
    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    /** From now on, the time is {@code at} (until set again or reset). */
    public void set(Instant at) {
        fixed.set(at);
    }

    /** Back to the system's time. */
    public void reset() {
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        Instant at = fixed.get();
        return at == null ? Instant.now() : at;
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
