package dev.lore.graph.search;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.Graph;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What people searched for and what they clicked, so champions can see what is looked for and not
 * found. Searches are not content: they take no change sequence number. Thread-safe.
 */
public final class SearchLogStore {
    private final Graph graph;

    public SearchLogStore(Graph graph) {
        this.graph = graph;
    }

    /** A query that found nothing, how often, and when last. */
    public record Miss(String query, long times, Instant lastAt, long weak) {
        public Miss(String query, long times, Instant lastAt) {
            this(query, times, lastAt, 0);
        }
    }

    /** A logged search. */
    public record Logged(String id, String query, long results, Optional<Integer> clickedPosition) {}

    public void record(String id, String query, long results, Optional<String> personId, Instant at) {
        recordAll(List.of(new Search(id, query, results, personId, at)));
    }

    /**
     * A search to log: its id, text, number of results, who (if signed in) and when; {@code weak}
     * when its results were only close matches (no page held the words as typed).
     */
    public record Search(String id, String query, long results, Optional<String> personId, Instant at, boolean weak) {
        public Search(String id, String query, long results, Optional<String> personId, Instant at) {
            this(id, query, results, personId, at, false);
        }
    }

    /** Logs many searches in one transaction. */
    public void recordAll(List<Search> searches) {
        var rows = new java.util.ArrayList<Map<String, Object>>();
        for (Search s : searches) {
            var row = new HashMap<String, Object>();
            row.put("id", s.id());
            row.put("query", s.query());
            row.put("key", s.query().strip().toLowerCase(java.util.Locale.ROOT));
            row.put("results", s.results());
            row.put("person", s.personId().orElse(null));
            row.put("at", datetime(s.at()));
            row.put("weak", s.weak());
            rows.add(row);
        }
        graph.write(tx -> tx.run("""
                        UNWIND $rows AS row
                        CREATE (:SearchEvent {id: row.id, query: row.query, key: row.key, results: row.results,
                                              person: row.person, at: row.at, weak: row.weak})
                        """, Map.of("rows", rows)).consume());
    }

    /** Records a click on the hit at {@code position} (1-based); false if the search is unknown. */
    public boolean click(String searchId, int position, String slug, Instant at) {
        return graph.write(tx ->
                tx.run("""
                        MATCH (s:SearchEvent {id: $id})
                        SET s.clickedPosition = coalesce(s.clickedPosition, $position), s.clickedSlug = coalesce(s.clickedSlug, $slug),
                            s.clicks = coalesce(s.clicks, 0) + 1, s.lastClickAt = $at
                        RETURN count(s) AS n
                        """, Map.of("id", searchId, "position", position, "slug", slug, "at", datetime(at)))
                                .single()
                                .get("n")
                                .asInt()
                        > 0);
    }

    public Optional<Logged> find(String id) {
        return graph.read(tx -> tx
                .run(
                        "MATCH (s:SearchEvent {id: $id}) RETURN s.query AS query, s.results AS results, s.clickedPosition AS pos",
                        Map.of("id", id))
                .list(r -> new Logged(
                        id,
                        r.get("query").asString(),
                        r.get("results").asLong(),
                        r.get("pos").isNull()
                                ? Optional.empty()
                                : Optional.of(r.get("pos").asInt())))
                .stream()
                .findFirst());
    }

    /**
     * Queries since {@code since} that found nothing, or found only weak matches (close matches,
     * no page holding the words as typed) and got no click; most frequent first.
     */
    public List<Miss> misses(Instant since, int limit) {
        return graph.read(tx -> tx.run("""
                        MATCH (s:SearchEvent) WHERE s.at >= $since AND s.key <> ''
                          AND (s.results = 0 OR (s.weak = true AND s.clickedPosition IS NULL))
                        WITH s.key AS key, count(*) AS times, max(s.at) AS lastAt, collect(s.query)[0] AS query,
                             sum(CASE WHEN s.results > 0 THEN 1 ELSE 0 END) AS weak
                        RETURN query, times, lastAt, weak ORDER BY times DESC, lastAt DESC LIMIT $limit
                        """, Map.of("since", datetime(since), "limit", limit))
                .list(r -> new Miss(
                        r.get("query").asString(),
                        r.get("times").asLong(),
                        instant(r.get("lastAt")),
                        r.get("weak").asLong())));
    }
}
