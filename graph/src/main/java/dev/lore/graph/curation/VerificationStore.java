package dev.lore.graph.curation;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Whether an article's content is still right: its owner (or a champion) verifies it, and it is due
 * again after its review interval ({@value #DEFAULT_REVIEW_DAYS} days unless set). A page never
 * verified is due that long after it was created. Kept on the article node ({@code verifiedAt},
 * {@code verifiedBy}, {@code reviewDays}); verifying changes no text, so it writes no revision and
 * takes no change sequence number. Thread-safe.
 */
public final class VerificationStore {
    public static final int DEFAULT_REVIEW_DAYS = 180;

    private final Graph graph;

    public VerificationStore(Graph graph) {
        this.graph = graph;
    }

    /**
     * An article's verification state: who owns it, when and by whom it was last verified, and
     * when it is due again.
     */
    public record Status(
            String slug,
            String title,
            Optional<String> owner,
            Optional<Instant> verifiedAt,
            Optional<String> verifiedBy,
            int reviewDays,
            Instant dueAt) {
        public boolean staleAt(Instant now) {
            return now.isAfter(dueAt);
        }
    }

    private static final String COLUMNS = """
            a.slug AS slug, a.title AS title, a.owner AS owner, a.verifiedAt AS verifiedAt,
            a.verifiedBy AS verifiedBy, coalesce(a.reviewDays, $defaultDays) AS reviewDays,
            coalesce(a.verifiedAt, a.createdAt) AS since
            """;

    /** The state of the live article at {@code slug}. */
    public Optional<Status> status(String slug) {
        return graph
                .read(tx -> tx.run(
                                "MATCH (a:Article {slug: $slug, status: 'active'}) RETURN " + COLUMNS,
                                Map.of("slug", slug, "defaultDays", DEFAULT_REVIEW_DAYS))
                        .list(VerificationStore::status))
                .stream()
                .findFirst();
    }

    /**
     * Records that {@code personId} checked the article at {@code slug} and found it right; with a
     * {@code reviewDays}, also sets how long until it is due again.
     */
    public Status verify(String slug, String personId, Instant at, Optional<Integer> reviewDays) {
        var params = new HashMap<String, Object>();
        params.put("slug", slug);
        params.put("person", personId);
        params.put("at", datetime(at));
        params.put("days", reviewDays.orElse(null));
        params.put("defaultDays", DEFAULT_REVIEW_DAYS);
        return graph.write(tx -> tx.run("""
                                MATCH (a:Article {slug: $slug, status: 'active'})
                                SET a.verifiedAt = $at, a.verifiedBy = $person,
                                    a.reviewDays = coalesce($days, a.reviewDays)
                                RETURN\s""" + COLUMNS, params).list(VerificationStore::status)).stream()
                .findFirst()
                .orElseThrow(() -> new NoSuchEntityException("article", slug));
    }

    /**
     * Records a verification at {@code at} unless the article holds a later one: imports state when
     * a page was verified, and an older claim never undoes a newer check. Empty if no live article
     * has this slug.
     */
    public Optional<Status> verifiedAsOf(String slug, String personId, Instant at) {
        var params = Map.<String, Object>of(
                "slug", slug, "person", personId, "at", datetime(at), "defaultDays", DEFAULT_REVIEW_DAYS);
        return graph.write(tx -> tx.run("""
                                MATCH (a:Article {slug: $slug, status: 'active'})
                                WITH a, a.verifiedAt IS NULL OR a.verifiedAt < $at AS later
                                SET a.verifiedAt = CASE WHEN later THEN $at ELSE a.verifiedAt END,
                                    a.verifiedBy = CASE WHEN later THEN $person ELSE a.verifiedBy END
                                RETURN\s""" + COLUMNS, params).list(VerificationStore::status)).stream()
                .findFirst();
    }

    /**
     * Inside a save's transaction: a revision by the article's owner is a verification (the owner
     * looked at the page and saved what they stand behind), dated as the revision.
     */
    public static void ownerEdited(TransactionContext tx, String articleId, String authorId, Instant at) {
        tx.run("""
                        MATCH (a:Article {id: $id})
                        WHERE a.owner = $author AND (a.verifiedAt IS NULL OR a.verifiedAt < $at)
                        SET a.verifiedAt = $at, a.verifiedBy = $author
                        """, Map.of("id", articleId, "author", authorId, "at", datetime(at)))
                .consume();
    }

    /**
     * Live articles past due at {@code now}, most overdue first; with an {@code owner}, only theirs.
     */
    public List<Status> stale(Instant now, Optional<String> owner, int limit) {
        var params = new HashMap<String, Object>();
        params.put("now", datetime(now));
        params.put("owner", owner.orElse(null));
        params.put("limit", limit);
        params.put("defaultDays", DEFAULT_REVIEW_DAYS);
        return graph.read(tx -> tx.run("""
                        MATCH (a:Article {status: 'active'})
                        WHERE ($owner IS NULL OR a.owner = $owner)
                          AND coalesce(a.verifiedAt, a.createdAt)
                              + duration({days: coalesce(a.reviewDays, $defaultDays)}) < $now
                        WITH a ORDER BY coalesce(a.verifiedAt, a.createdAt)
                              + duration({days: coalesce(a.reviewDays, $defaultDays)}), a.slug
                        LIMIT $limit
                        RETURN\s""" + COLUMNS, params).list(VerificationStore::status));
    }

    private static Status status(Record r) {
        int days = r.get("reviewDays").asInt();
        Instant since = instant(r.get("since"));
        return new Status(
                r.get("slug").asString(),
                r.get("title").asString(),
                optionalString(r.get("owner")),
                r.get("verifiedAt").isNull() ? Optional.empty() : Optional.of(instant(r.get("verifiedAt"))),
                optionalString(r.get("verifiedBy")),
                days,
                since.plus(Duration.ofDays(days)));
    }

    private static Optional<String> optionalString(Value v) {
        return v.isNull() ? Optional.empty() : Optional.of(v.asString());
    }
}
