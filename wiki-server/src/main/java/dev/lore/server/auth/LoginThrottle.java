package dev.lore.server.auth;

import dev.lore.graph.auth.LoginThrottleStore;
import dev.lore.server.error.TooManyAttemptsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing, per account and per client address. A few failures are free
 * ({@link #ACCOUNT_FREE} for an account, {@link #CLIENT_FREE} for an address, which many people
 * may share behind one NAT); each failure after that locks the key for twice as long as the one
 * before, from one second up to {@link #MAX_LOCK}. While a key is locked no password is checked,
 * not even the right one. Failures are forgotten after {@link #FORGET_AFTER} without one, and an
 * account's at once when someone signs in to it. Counts live in the graph (see {@link
 * LoginThrottleStore}), so several servers share them; time comes from the injected clock.
 * Thread-safe.
 */
public final class LoginThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    public static final int ACCOUNT_FREE = 5;
    public static final int CLIENT_FREE = 20;
    public static final Duration MAX_LOCK = Duration.ofMinutes(15);
    public static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final LoginThrottleStore store;
    private final Clock clock;

    public LoginThrottle(LoginThrottleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The keys of one attempt: the account as typed (or the person it names) and the client's address. */
    public record Attempt(String account, String client) {
        List<String> keys() {
            return List.of(account, client);
        }
    }

    public static Attempt attempt(String account, String clientAddress) {
        return new Attempt(
                "account:" + account.strip().toLowerCase(Locale.ROOT),
                "client:" + Optional.ofNullable(clientAddress).orElse("unknown"));
    }

    /** Throws {@link TooManyAttemptsException} while the account or the address is locked. */
    public void check(Attempt attempt) {
        Instant now = clock.instant();
        Optional<Instant> until = store.lockedUntil(attempt.keys(), now);
        if (until.isPresent()) {
            throw new TooManyAttemptsException(Duration.between(now, until.get()));
        }
    }

    /** Counts a failed attempt against the account and the address. */
    public void failed(Attempt attempt) {
        Instant now = clock.instant();
        Instant forget = now.minus(FORGET_AFTER);
        var account = store.recordFailure(attempt.account(), now, forget, n -> lock(n, ACCOUNT_FREE, now));
        var client = store.recordFailure(attempt.client(), now, forget, n -> lock(n, CLIENT_FREE, now));
        for (var f : List.of(account, client)) {
            f.lockedUntil()
                    .ifPresent(u -> LOG.warn(
                            "Sign-in throttled: {} after {} failures in a row, locked until {}",
                            f.key(),
                            f.failures(),
                            u));
        }
    }

    /** A successful sign-in: the account's failures are forgotten (the address's are not). */
    public void succeeded(Attempt attempt) {
        store.reset(attempt.account());
    }

    /** Removes what no longer slows anyone down. */
    public int removeStale() {
        Instant now = clock.instant();
        return store.removeStale(now.minus(FORGET_AFTER), now);
    }

    /** The lock earned by the {@code failures}-th failure in a row, when more than {@code free}. */
    static Optional<Instant> lock(int failures, int free, Instant now) {
        if (failures <= free) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - free - 1, 20);
        Duration d = Duration.ofSeconds(1L << doublings);
        return Optional.of(now.plus(d.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : d));
    }
}
