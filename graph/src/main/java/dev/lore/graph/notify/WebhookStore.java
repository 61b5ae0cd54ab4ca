package dev.lore.graph.notify;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.optionalInstant;

import dev.lore.graph.Graph;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Webhooks and their delivery log: {@code (:WebhookDelivery)-[:FOR]->(:Webhook)}. Deliveries are
 * written with the event that causes them (see {@link #fanOut}) and claimed before sending, like
 * the email outbox. Thread-safe.
 */
public final class WebhookStore {
    /** A hook is switched off after this many deliveries in a row were given up. */
    public static final int MAX_FAILURES = 3;

    private final Graph graph;

    public WebhookStore(Graph graph) {
        this.graph = graph;
    }

    public Webhook create(String url, String secret, List<String> events, String createdBy, Instant at) {
        return graph.write(tx -> toHook(
                tx.run("""
                                CREATE (w:Webhook {id: randomUUID(), url: $url, secret: $secret, events: $events,
                                  createdBy: $by, createdAt: $at, active: true, failures: 0})
                                RETURN w
                                """, Map.of("url", url, "secret", secret, "events", events, "by", createdBy, "at", datetime(at)))
                        .single()
                        .get("w")));
    }

    public List<Webhook> list() {
        return graph.read(
                tx -> tx.run("MATCH (w:Webhook) RETURN w ORDER BY w.createdAt").list(r -> toHook(r.get("w"))));
    }

    public Optional<Webhook> find(String id) {
        return graph.read(tx ->
                tx.run("MATCH (w:Webhook {id: $id}) RETURN w", Map.of("id", id)).list(r -> toHook(r.get("w"))).stream()
                        .findFirst());
    }

    /** Deletes a hook and its log; false when there was none. */
    public boolean delete(String id) {
        return graph.write(tx -> tx.run("""
                                MATCH (w:Webhook {id: $id})
                                OPTIONAL MATCH (d:WebhookDelivery)-[:FOR]->(w)
                                DETACH DELETE d, w RETURN count(DISTINCT w) AS n
                                """, Map.of("id", id)).single().get("n").asLong()) > 0;
    }

    /** A hook's deliveries, newest first. */
    public List<WebhookCall> deliveries(String hookId, int limit) {
        return graph.read(
                tx -> tx.run("""
                        MATCH (d:WebhookDelivery {hookId: $id}) RETURN d ORDER BY d.at DESC, d.id LIMIT $limit
                        """, Map.of("id", hookId, "limit", limit)).list(r -> toCall(r.get("d"))));
    }

    /** Writes a delivery of {@code event} for every active hook that wants its kind, in {@code tx}. */
    void fanOut(TransactionContext tx, Event event) {
        var params = new HashMap<String, Object>();
        params.put("kind", event.kind().id());
        params.put("title", event.title());
        params.put("url", event.url());
        params.put("message", event.message());
        params.put("actor", event.actorId());
        params.put("at", datetime(event.at()));
        params.put("article", event.articleSlug().orElse(null));
        params.put("question", event.questionId().orElse(null));
        params.put("answer", event.answerId().orElse(null));
        tx.run("""
                        MATCH (w:Webhook {active: true}) WHERE size(w.events) = 0 OR $kind IN w.events
                        OPTIONAL MATCH (actor:Person {id: $actor})
                        CREATE (d:WebhookDelivery {id: randomUUID(), hookId: w.id, kind: $kind, title: $title,
                          url: $url, message: $message, actorId: $actor, actorName: coalesce(actor.name, $actor),
                          at: $at, state: 'pending', attempts: 0, nextAt: $at, article: $article, question: $question,
                          answer: $answer})-[:FOR]->(w)
                        """, params).consume();
    }

    /** Claims deliveries due now (the lock is taken before the claim is checked again). */
    public List<Map.Entry<Webhook, WebhookCall>> claimDue(String server, Instant now, Duration lease, int limit) {
        return graph.write(tx -> tx.run(
                        """
                        MATCH (d:WebhookDelivery {state: 'pending'}) WHERE d.nextAt <= $now
                          AND (d.claimUntil IS NULL OR d.claimUntil < $now) AND """ + Visibility.visible("d") + """
                        WITH d ORDER BY d.nextAt LIMIT $limit
                        SET d.lockedAt = $now
                        WITH d WHERE d.state = 'pending' AND (d.claimUntil IS NULL OR d.claimUntil < $now)
                        SET d.claimUntil = $until, d.claimedBy = $server
                        WITH d MATCH (d)-[:FOR]->(w:Webhook)
                        RETURN d, w
                        """,
                        Map.of(
                                "now",
                                datetime(now),
                                "until",
                                datetime(now.plus(lease)),
                                "server",
                                server,
                                "limit",
                                limit))
                .list(r -> Map.entry(toHook(r.get("w")), toCall(r.get("d")))));
    }

    public void delivered(String deliveryId, int status, Instant at) {
        graph.write(tx -> tx.run("""
                        MATCH (d:WebhookDelivery {id: $id})-[:FOR]->(w:Webhook)
                        SET d.state = 'delivered', d.attempts = d.attempts + 1, d.lastStatus = $status,
                            d.lastAttemptAt = $at, d.claimUntil = null, d.lastError = null, w.failures = 0
                        """, Map.of("id", deliveryId, "status", status, "at", datetime(at)))
                .consume());
    }

    /**
     * Records a failed attempt: retried at {@code retryAt}, or given up after {@code maxAttempts}.
     * Returns true when this gave up the delivery and so switched the hook off ({@link #MAX_FAILURES}
     * in a row).
     */
    public boolean failed(
            String deliveryId, Optional<Integer> status, String error, Instant at, Instant retryAt, int maxAttempts) {
        var params = new HashMap<String, Object>();
        params.put("id", deliveryId);
        params.put("status", status.orElse(null));
        params.put("error", error);
        params.put("at", datetime(at));
        params.put("retryAt", datetime(retryAt));
        params.put("max", maxAttempts);
        params.put("maxFailures", MAX_FAILURES);
        return graph.write(tx -> tx.run("""
                        MATCH (d:WebhookDelivery {id: $id})-[:FOR]->(w:Webhook)
                        SET d.attempts = d.attempts + 1, d.lastStatus = $status, d.lastError = $error,
                            d.lastAttemptAt = $at, d.nextAt = $retryAt, d.claimUntil = null
                        WITH d, w, d.attempts >= $max AS givenUp
                        SET d.state = CASE WHEN givenUp THEN 'failed' ELSE 'pending' END,
                            w.failures = CASE WHEN givenUp THEN w.failures + 1 ELSE w.failures END
                        WITH w, givenUp, w.active AND w.failures >= $maxFailures AS off
                        SET w.active = CASE WHEN off THEN false ELSE w.active END
                        RETURN off
                        """, params).single().get("off").asBoolean());
    }

    /** Deliveries waiting to be sent, for the outbox gauge. */
    public long waiting() {
        return graph.read(tx -> tx.run("MATCH (d:WebhookDelivery {state: 'pending'}) RETURN count(d) AS n")
                .single()
                .get("n")
                .asLong());
    }

    private static Webhook toHook(Value w) {
        return new Webhook(
                w.get("id").asString(),
                w.get("url").asString(),
                w.get("secret").asString(),
                w.get("events").asList(Value::asString),
                w.get("createdBy").asString(""),
                instant(w.get("createdAt")),
                w.get("active").asBoolean(true),
                w.get("failures").asInt(0));
    }

    private static WebhookCall toCall(Value d) {
        return new WebhookCall(
                d.get("id").asString(),
                d.get("hookId").asString(),
                d.get("kind").asString(),
                d.get("title").asString(""),
                d.get("url").asString(""),
                d.get("message").asString(""),
                d.get("actorId").asString(""),
                d.get("actorName").asString(""),
                instant(d.get("at")),
                d.get("state").asString(),
                d.get("attempts").asInt(0),
                d.get("lastStatus").isNull()
                        ? Optional.empty()
                        : Optional.of(d.get("lastStatus").asInt()),
                d.get("lastError").isNull()
                        ? Optional.empty()
                        : Optional.of(d.get("lastError").asString()),
                optionalInstant(d.get("lastAttemptAt")));
    }
}
