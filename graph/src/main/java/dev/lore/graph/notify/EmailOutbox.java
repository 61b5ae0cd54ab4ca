package dev.lore.graph.notify;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.optionalInstant;

import dev.lore.graph.Graph;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The email side of the outbox. A server claims items in the graph before sending (a lease: a
 * server that dies mid-send leaves them to be claimed again after {@code lease}), so with several
 * servers on one database each email goes out from one of them; a crash between sending and
 * marking sends it again (at least once), with the same Message-ID. Thread-safe.
 */
public final class EmailOutbox {
    private final Graph graph;

    public EmailOutbox(Graph graph) {
        this.graph = graph;
    }

    /**
     * Claims up to {@code limit} notifications waiting for an immediate email. The lock is taken
     * before the claim is checked again, so two servers never both claim one.
     */
    public List<PendingEmail> claimImmediate(String server, Instant now, Duration lease, int limit) {
        return graph.write(tx -> tx.run(
                        """
                        MATCH (n:Notification {email: 'immediate'})
                        WHERE (n.claimUntil IS NULL OR n.claimUntil < $now) AND """ + Visibility.visible("n") + """
                        WITH n ORDER BY n.at LIMIT $limit
                        SET n.lockedAt = $now
                        WITH n WHERE n.email = 'immediate' AND (n.claimUntil IS NULL OR n.claimUntil < $now)
                        SET n.claimUntil = $until, n.claimedBy = $server
                        WITH n
                        MATCH (p:Person {id: n.recipient})
                        RETURN n, p.email AS email, p.name AS name, coalesce(n.attempts, 0) AS attempts
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
                .list(r -> new PendingEmail(
                        NotificationStore.toNotification(r),
                        r.get("n").get("recipient").asString(),
                        r.get("email").asString(""),
                        r.get("name").asString(""),
                        r.get("attempts").asInt())));
    }

    /** Marks notifications emailed (alone or in a digest). */
    public void markSent(List<String> ids, Instant at) {
        graph.write(tx -> tx.run("""
                        UNWIND $ids AS id MATCH (n:Notification {id: id})
                        SET n.email = 'sent', n.sentAt = $at, n.claimUntil = null, n.claimedBy = null
                        """, Map.of("ids", ids, "at", datetime(at))).consume());
    }

    /** A send failed: try again after {@code retryAt}, or give up (email {@code failed}) after {@code maxAttempts}. */
    public void markFailed(String id, String error, Instant retryAt, int maxAttempts) {
        graph.write(
                tx -> tx.run("""
                        MATCH (n:Notification {id: $id})
                        SET n.attempts = coalesce(n.attempts, 0) + 1, n.lastError = $error, n.claimUntil = $retryAt
                        SET n.email = CASE WHEN n.attempts >= $max THEN 'failed' ELSE n.email END
                        """, Map.of("id", id, "error", error, "retryAt", datetime(retryAt), "max", maxAttempts))
                        .consume());
    }

    /** Sends a notification to the digest instead (over the daily limit, or no address). */
    public void moveToDigest(String id) {
        graph.write(tx -> tx.run(
                        "MATCH (n:Notification {id: $id}) SET n.email = 'digest', n.claimUntil = null",
                        Map.of("id", id))
                .consume());
    }

    /** Drops the email of a notification that must not be sent (no address, email switched off). */
    public void skip(String id) {
        graph.write(tx -> tx.run(
                        "MATCH (n:Notification {id: $id}) SET n.email = 'none', n.claimUntil = null", Map.of("id", id))
                .consume());
    }

    /**
     * Counts one email towards a person's daily limit (days in UTC); false, counting nothing, when
     * {@code limit} were sent already today.
     */
    public boolean countEmail(String personId, Instant now, int limit) {
        String day = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        return graph.write(tx -> tx.run("""
                        MERGE (s:NotifySettings {person: $person})
                        WITH s, CASE WHEN s.mailDay = $day THEN coalesce(s.mailCount, 0) ELSE 0 END AS sent
                        WITH s, sent WHERE sent < $limit
                        SET s.mailDay = $day, s.mailCount = sent + 1
                        RETURN count(s) AS n
                        """, Map.of("person", personId, "day", day, "limit", limit))
                        .single()
                        .get("n")
                        .asLong()
                > 0);
    }

    /** People with notifications waiting for a digest. */
    public List<DigestRecipient> digestRecipients() {
        return graph.read(tx -> tx.run("""
                        MATCH (n:Notification {email: 'digest'}) WHERE """ + Visibility.visible("n") + """
                        WITH n.recipient AS person, min(n.at) AS oldest
                        MATCH (p:Person {id: person})
                        OPTIONAL MATCH (s:NotifySettings {person: person})
                        RETURN person, p.email AS email, p.name AS name, s, s.lastDigestAt AS last, oldest
                        """)
                .list(r -> new DigestRecipient(
                        r.get("person").asString(),
                        r.get("email").asString(""),
                        r.get("name").asString(""),
                        r.get("s").isNull() ? Preferences.defaults() : PreferenceStore.toPreferences(r.get("s")),
                        optionalInstant(r.get("last")),
                        instant(r.get("oldest")))));
    }

    /**
     * Claims a person's digest due at {@code slot}: false when another server has it or it was sent
     * for that slot already.
     */
    public boolean claimDigest(String personId, String server, Instant slot, Instant now, Duration lease) {
        return graph.write(tx -> tx.run(
                                """
                        MERGE (s:NotifySettings {person: $person})
                        SET s.lockedAt = $now
                        WITH s WHERE (s.lastDigestAt IS NULL OR s.lastDigestAt < $slot)
                          AND (s.digestClaimUntil IS NULL OR s.digestClaimUntil < $now)
                        SET s.digestClaimUntil = $until, s.digestClaimedBy = $server
                        RETURN count(s) AS n
                        """,
                                Map.of(
                                        "person", personId,
                                        "slot", datetime(slot),
                                        "now", datetime(now),
                                        "until", datetime(now.plus(lease)),
                                        "server", server))
                        .single()
                        .get("n")
                        .asLong()
                > 0);
    }

    /** The notifications waiting for a person's digest that happened before {@code slot}, oldest first. */
    public List<Notification> digestItems(String personId, Instant slot, int limit) {
        return graph.read(tx -> tx.run(
                        """
                        MATCH (n:Notification {email: 'digest'}) WHERE n.recipient = $person AND n.at < $slot
                          AND """ + Visibility.visible("n") + """
                        RETURN n ORDER BY n.at LIMIT $limit
                        """,
                        Map.of("person", personId, "slot", datetime(slot), "limit", limit))
                .list(NotificationStore::toNotification));
    }

    /** Marks a digest sent (or skipped) for {@code slot}, and its items emailed. */
    public void digestDone(String personId, List<String> ids, Instant slot, Instant at) {
        graph.write(tx -> {
            tx.run("""
                            MATCH (s:NotifySettings {person: $person})
                            SET s.lastDigestAt = $slot, s.digestClaimUntil = null, s.digestClaimedBy = null
                            """, Map.of("person", personId, "slot", datetime(slot))).consume();
            tx.run("""
                            UNWIND $ids AS id MATCH (n:Notification {id: id})
                            SET n.email = 'sent', n.sentAt = $at
                            """, Map.of("ids", ids, "at", datetime(at))).consume();
            return null;
        });
    }

    /** Releases a digest claim after a failed send, so it is tried again on the next round. */
    public void releaseDigest(String personId) {
        graph.write(tx -> tx.run(
                        "MATCH (s:NotifySettings {person: $person}) SET s.digestClaimUntil = null",
                        Map.of("person", personId))
                .consume());
    }

    /** Notifications waiting for an email (immediate or digest): for the outbox gauge. */
    public long waiting() {
        return graph.read(tx -> tx.run("""
                        MATCH (n:Notification) WHERE n.email IN ['immediate', 'digest'] RETURN count(n) AS n
                        """).single().get("n").asLong());
    }
}
