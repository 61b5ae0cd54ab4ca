package dev.lore.graph.auth;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.Graph;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Failed sign-ins, counted per key (an account, a client address) in the graph, so every server
 * sharing the database sees the same counts and locks: one {@code (:LoginThrottle {key, failures,
 * lastFailureAt, lockedUntil})} node per key that failed recently. Thread-safe.
 */
public final class LoginThrottleStore {
    private final Graph graph;

    public LoginThrottleStore(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
    }

    /** The latest time until which any of {@code keys} is locked, if one is locked at {@code now}. */
    public Optional<Instant> lockedUntil(Collection<String> keys, Instant now) {
        var until = graph.read(tx -> tx.run("""
                        MATCH (t:LoginThrottle) WHERE t.key IN $keys AND t.lockedUntil > $now
                        RETURN max(t.lockedUntil) AS until
                        """, Map.of("keys", List.copyOf(keys), "now", datetime(now)))
                .single()
                .get("until"));
        return until.isNull() ? Optional.empty() : Optional.of(instant(until));
    }

    /** A failure counted for one key: how many in a row now, and the lock it earned, if any. */
    public record Failure(String key, int failures, Optional<Instant> lockedUntil) {}

    /**
     * Counts a failure for {@code key} at {@code now}. Failures before {@code forgetBefore} are
     * forgotten (the count starts again); {@code lock} turns the new count into a lock end, or
     * empty for no lock. Atomic across servers: concurrent failures each count.
     */
    public Failure recordFailure(String key, Instant now, Instant forgetBefore, IntFunction<Optional<Instant>> lock) {
        return graph.write(tx -> {
            var params = new HashMap<String, Object>();
            params.put("key", key);
            params.put("now", datetime(now));
            params.put("forget", datetime(forgetBefore));
            int failures = tx.run("""
                            MERGE (t:LoginThrottle {key: $key})
                            SET t.failures = CASE WHEN t.lastFailureAt IS NULL OR t.lastFailureAt < $forget
                                                  THEN 1 ELSE t.failures + 1 END,
                                t.lastFailureAt = $now
                            RETURN t.failures AS failures
                            """, params).single().get("failures").asInt();
            Optional<Instant> until = lock.apply(failures);
            until.ifPresent(u -> {
                params.put("until", datetime(u));
                tx.run("MATCH (t:LoginThrottle {key: $key}) SET t.lockedUntil = $until", params)
                        .consume();
            });
            return new Failure(key, failures, until);
        });
    }

    /** Forgets the failures of {@code key} (after a successful sign-in). */
    public void reset(String key) {
        graph.write(tx -> tx.run("MATCH (t:LoginThrottle {key: $key}) DELETE t", Map.of("key", key))
                .consume());
    }

    /** Removes keys with no failure since {@code before} and no lock left; returns how many. */
    public int removeStale(Instant before, Instant now) {
        return graph.write(tx -> tx.run("""
                        MATCH (t:LoginThrottle)
                        WHERE t.lastFailureAt < $before AND coalesce(t.lockedUntil < $now, true)
                        DELETE t RETURN count(*) AS n
                        """, Map.of("before", datetime(before), "now", datetime(now)))
                .single()
                .get("n")
                .asInt());
    }
}
