package dev.lore.server.error;

import java.time.Duration;

/** Too many failed sign-ins: wait {@link #retryAfter()} before the next. Maps to HTTP 429. */
public final class TooManyAttemptsException extends LoreException {
    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super(429, "too_many_attempts", "too many failed sign-ins; try again in " + describe(retryAfter));
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** How long to wait, in words: "2 seconds", "15 minutes". */
    public String waitInWords() {
        return describe(retryAfter);
    }

    /** Whole seconds to wait, at least one: the value of {@code Retry-After}. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    private static String describe(Duration d) {
        long seconds = Math.max(1, (d.toMillis() + 999) / 1000);
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }
}
