package dev.lore.graph.curation;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.Graph;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Request a page": a search that found nothing, turned by the searcher into a request that
 * champions see on the gaps page with who asked. Requests for the same words (case and outer spaces
 * aside) count together. Kept as {@code (:PageRequest {key, query, person, at})}. Thread-safe.
 */
public final class PageRequestStore {
    private final Graph graph;

    public PageRequestStore(Graph graph) {
        this.graph = graph;
    }

    /** Someone who asked for the page: their id and display name. */
    public record Asker(String id, String name) {}

    /** Requests for one page: the words as first asked, how often, by whom, and when last. */
    public record Requested(String query, long times, List<Asker> askers, Instant lastAt) {}

    public void request(String query, String personId, Instant at) {
        graph.write(tx -> tx.run(
                        "CREATE (:PageRequest {key: $key, query: $query, person: $person, at: $at})",
                        Map.of(
                                "key", key(query),
                                "query", query.strip(),
                                "person", personId,
                                "at", datetime(at)))
                .consume());
    }

    /** Requests since {@code since}, most asked first. */
    public List<Requested> since(Instant since, int limit) {
        return graph.read(tx -> tx.run("""
                        MATCH (r:PageRequest) WHERE r.at >= $since
                        OPTIONAL MATCH (p:Person {id: r.person})
                        WITH r, p ORDER BY r.at
                        WITH r.key AS key, collect(r.query)[0] AS query, count(*) AS times, max(r.at) AS lastAt,
                             collect(DISTINCT {id: r.person, name: coalesce(p.name, r.person)}) AS askers
                        RETURN query, times, lastAt, askers ORDER BY times DESC, lastAt DESC LIMIT $limit
                        """, Map.of("since", datetime(since), "limit", limit))
                .list(r -> new Requested(
                        r.get("query").asString(),
                        r.get("times").asLong(),
                        r.get("askers")
                                .asList(a -> new Asker(
                                        a.get("id").asString(), a.get("name").asString())),
                        instant(r.get("lastAt")))));
    }

    static String key(String query) {
        return query.strip().toLowerCase(Locale.ROOT);
    }
}
