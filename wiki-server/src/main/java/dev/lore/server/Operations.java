package dev.lore.server;

import dev.lore.server.ops.MetricsAccess;
import java.time.Duration;
import java.util.Map;

/**
 * Settings for running Lore in production: limits that keep slow or abandoned clients from tying
 * up the server, how long to wait for the database at start, who may read {@code /metrics}, and
 * when a request counts as slow or the index as behind. Read once at start, with defaults.
 *
 * @param idleTimeout a connection that sends nothing for this long is closed ({@code
 *     LORE_HTTP_IDLE_TIMEOUT_MS}, default 30 s); a stalled request body ends with a 408
 * @param bodyTimeout the longest a request body may take to arrive, however steadily it trickles
 *     ({@code LORE_HTTP_BODY_TIMEOUT_MS}, default 60 s); later is a 408
 * @param maxUploads how many requests may be sending a body at once ({@code LORE_MAX_UPLOADS},
 *     default 32); a slot is freed as soon as its body has arrived, so only slow senders hold one,
 *     and a request past the limit gets a 503 at once
 * @param neo4jConnectAttempts how often to try reaching Neo4j at start before giving up ({@code
 *     LORE_NEO4J_CONNECT_ATTEMPTS}, default 5; waits 1, 2, 4, 8 ... s in between, at most 30 s)
 * @param metrics who may read {@code /metrics} ({@code LORE_METRICS}, {@code LORE_METRICS_TOKEN})
 * @param slowRequest a request taking longer is logged as slow ({@code LORE_SLOW_REQUEST_MS},
 *     default 1000; 0 turns the log off)
 * @param readyMaxIndexLag how many changes the search index may be behind the graph while {@code
 *     /api/ready} still says ready ({@code LORE_READY_MAX_INDEX_LAG}, default 0)
 * @param neo4jTimeout how long a request waits for an unreachable database before it is answered
 *     503 ({@code LORE_NEO4J_TIMEOUT_MS}, default 10000): the bound on connecting, on waiting for a
 *     pooled connection and on retrying transient failures, for a database at {@code LORE_NEO4J_URI}
 *     (the embedded one, in this JVM, gets 60 s: only a slow machine can delay it)
 * @param warmUp whether {@code lore serve} opens its most visited pages once itself after a start
 *     ({@code LORE_WARMUP}, default true), so the first reader does not pay for compiling them
 * @param indexPoll how often a server looks for changes other servers made to the graph and, when
 *     there are, applies them to its search index ({@code LORE_INDEX_POLL_MS}, default 250)
 */
public record Operations(
        Duration idleTimeout,
        Duration bodyTimeout,
        int maxUploads,
        int neo4jConnectAttempts,
        MetricsAccess metrics,
        Duration slowRequest,
        long readyMaxIndexLag,
        Duration neo4jTimeout,
        boolean warmUp,
        Duration indexPoll) {

    public Operations {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive, was " + idleTimeout);
        }
        if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("the body timeout must be positive, was " + bodyTimeout);
        }
    }

    public static Operations defaults() {
        return fromEnvironment(Map.of());
    }

    public static Operations fromEnvironment(Map<String, String> env) {
        return new Operations(
                Duration.ofMillis(number(env, "LORE_HTTP_IDLE_TIMEOUT_MS", 30_000, 1)),
                Duration.ofMillis(number(env, "LORE_HTTP_BODY_TIMEOUT_MS", 60_000, 1)),
                (int) number(env, "LORE_MAX_UPLOADS", 32, 1),
                (int) number(env, "LORE_NEO4J_CONNECT_ATTEMPTS", 5, 1),
                MetricsAccess.parse(env.get("LORE_METRICS"), env.get("LORE_METRICS_TOKEN")),
                Duration.ofMillis(number(env, "LORE_SLOW_REQUEST_MS", 1_000, 0)),
                number(env, "LORE_READY_MAX_INDEX_LAG", 0, 0),
                Duration.ofMillis(number(env, "LORE_NEO4J_TIMEOUT_MS", 10_000, 100)),
                flag(env, "LORE_WARMUP", true),
                Duration.ofMillis(number(env, "LORE_INDEX_POLL_MS", 250, 10)));
    }

    public Operations withIdleTimeout(Duration timeout) {
        return new Operations(
                timeout,
                bodyTimeout,
                maxUploads,
                neo4jConnectAttempts,
                metrics,
                slowRequest,
                readyMaxIndexLag,
                neo4jTimeout,
                warmUp,
                indexPoll);
    }

    public Operations withBodyTimeout(Duration timeout) {
        return new Operations(
                idleTimeout,
                timeout,
                maxUploads,
                neo4jConnectAttempts,
                metrics,
                slowRequest,
                readyMaxIndexLag,
                neo4jTimeout,
                warmUp,
                indexPoll);
    }

    public Operations withMaxUploads(int uploads) {
        return new Operations(
                idleTimeout,
                bodyTimeout,
                uploads,
                neo4jConnectAttempts,
                metrics,
                slowRequest,
                readyMaxIndexLag,
                neo4jTimeout,
                warmUp,
                indexPoll);
    }

    public Operations withSlowRequest(Duration threshold) {
        return new Operations(
                idleTimeout,
                bodyTimeout,
                maxUploads,
                neo4jConnectAttempts,
                metrics,
                threshold,
                readyMaxIndexLag,
                neo4jTimeout,
                warmUp,
                indexPoll);
    }

    private static boolean flag(Map<String, String> env, String name, boolean defaultValue) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, was '" + raw + "'");
        };
    }

    private static long number(Map<String, String> env, String name, long defaultValue, long min) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + raw + "'", e);
        }
        if (value < min || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be " + min + " or more, was " + raw.strip());
        }
        return value;
    }
}
