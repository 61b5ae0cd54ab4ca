package dev.lore.graph.notify;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.Graph;
import dev.lore.graph.curation.VerificationStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which owned pages are past their review date and have not had a reminder for this time they fell
 * due. The article remembers the due date it was last reminded for ({@code staleRemindedFor}):
 * verifying a page moves its due date, so the next time it falls due is a new period and earns a
 * new reminder. Thread-safe.
 */
public final class StaleReminderStore {
    /** A page due for review, its owner, and since when it is due. */
    public record Due(String slug, String title, String owner, Instant dueAt) {}

    private static final String DUE =
            "coalesce(a.verifiedAt, a.createdAt) + duration({days: coalesce(a.reviewDays, $defaultDays)})";

    private final Graph graph;

    public StaleReminderStore(Graph graph) {
        this.graph = graph;
    }

    /** Owned live pages due at {@code now} without a reminder for their current due date, most overdue first. */
    public List<Due> due(Instant now, int limit) {
        return graph.read(tx -> tx.run(
                        "MATCH (a:Article {status: 'active'}) WHERE a.owner IS NOT NULL"
                                + " WITH a, " + DUE + " AS due WHERE due < $now"
                                + " AND (a.staleRemindedFor IS NULL OR a.staleRemindedFor <> due)"
                                + " RETURN a.slug AS slug, a.title AS title, a.owner AS owner, due"
                                + " ORDER BY due, a.slug LIMIT $limit",
                        Map.of(
                                "now",
                                datetime(now),
                                "limit",
                                limit,
                                "defaultDays",
                                VerificationStore.DEFAULT_REVIEW_DAYS))
                .list(r -> new Due(
                        r.get("slug").asString(),
                        r.get("title").asString(""),
                        r.get("owner").asString(),
                        instant(r.get("due")))));
    }

    /**
     * Claims the reminder for {@code slug}'s current due date in the caller's transaction: present
     * when it is still due at {@code now} and nobody (no other server) reminded its owner of this
     * due date yet. The node is locked before the check, so two servers never both claim it.
     */
    public Optional<Due> claim(String slug, Instant now) {
        var params = Map.<String, Object>of(
                "slug", slug, "now", datetime(now), "defaultDays", VerificationStore.DEFAULT_REVIEW_DAYS);
        return graph.write(tx -> {
            tx.run("MATCH (a:Article {slug: $slug}) SET a.staleCheckedAt = $now", params)
                    .consume();
            return tx
                    .run(
                            "MATCH (a:Article {slug: $slug, status: 'active'}) WHERE a.owner IS NOT NULL"
                                    + " WITH a, " + DUE + " AS due WHERE due < $now"
                                    + " AND (a.staleRemindedFor IS NULL OR a.staleRemindedFor <> due)"
                                    + " SET a.staleRemindedFor = due"
                                    + " RETURN a.slug AS slug, a.title AS title, a.owner AS owner, due",
                            params)
                    .list(r -> new Due(
                            r.get("slug").asString(),
                            r.get("title").asString(""),
                            r.get("owner").asString(),
                            instant(r.get("due"))))
                    .stream()
                    .findFirst();
        });
    }
}
