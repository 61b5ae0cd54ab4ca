package dev.lore.graph.expertise;

import static dev.lore.graph.internal.Values.datetime;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.internal.ChangeSequence;
import dev.lore.graph.internal.CountedWrites;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who people are as expert finding sees them ({@link PersonInfo}), and whether Lore may suggest
 * them: availability, leave, leaving the company, last activity. Thread-safe.
 */
public final class AvailabilityStore {
    private final Graph graph;
    private final CountedWrites writes;

    AvailabilityStore(Graph graph, CountedWrites writes) {
        this.graph = graph;
        this.writes = writes;
    }

    /**
     * Sets {@code lastActiveAt} (the latest contribution, kept on the person by every save) on
     * people whose contributions predate it: an upgrade step, run on start; returns how many.
     */
    public int backfillLastActive() {
        return writes.write(tx -> tx.run("""
                        MATCH (p:Person) WHERE p.lastActiveAt IS NULL
                        WITH p, COLLECT { MATCH (p)-[c:CONTRIBUTED]->() RETURN max(c.lastAt) }[0] AS last
                        WHERE last IS NOT NULL
                        SET p.lastActiveAt = last
                        RETURN count(p) AS n
                        """).single().get("n").asInt());
    }

    public Map<String, PersonInfo> people(Collection<String> ids, Instant now) {
        return graph.read(tx -> {
            var out = new HashMap<String, PersonInfo>();
            tx.run(
                            "UNWIND $ids AS pid MATCH (p:Person {id: pid}) RETURN " + PersonInfo.COLUMNS,
                            Map.of("ids", List.copyOf(ids), "now", datetime(now)))
                    .list(PersonInfo::of)
                    .forEach(p -> out.put(p.id(), p));
            return out;
        });
    }

    public Optional<PersonInfo> person(String id, Instant now) {
        return Optional.ofNullable(people(List.of(id), now).get(id));
    }

    /**
     * Sets whether a person can be suggested: {@code available}, {@code unavailable} (on leave, do
     * not disturb; until a date when given) or {@code inactive} (left the company: stays as an author,
     * cannot sign in, never suggested; their sessions and API tokens are revoked). Returns the
     * person as of {@code now} as this write left them, read in its transaction.
     */
    public PersonInfo setAvailability(String personId, String status, Optional<Instant> until, Instant now) {
        var params = new HashMap<String, Object>();
        params.put("id", personId);
        params.put("status", status);
        params.put("until", until.map(u -> (Object) datetime(u)).orElse(null));
        params.put("now", datetime(now));
        return writes.write(tx -> {
            params.put("seq", ChangeSequence.next(tx));
            var found = tx.run("""
                            MATCH (p:Person {id: $id})
                            SET p.active = ($status <> 'inactive'),
                                p.availability = CASE $status WHEN 'unavailable' THEN 'unavailable' ELSE 'available' END,
                                p.unavailableUntil = CASE $status WHEN 'unavailable' THEN $until ELSE null END,
                                p.seq = $seq
                            RETURN\s""" + PersonInfo.COLUMNS, params).list(PersonInfo::of);
            if (found.isEmpty()) {
                throw new NoSuchEntityException("person", personId);
            }
            if (status.equals("inactive")) {
                // leaving ends every session and API token for good: coming back means signing in again
                tx.run("MATCH (t:Token)-[:FOR]->(:Person {id: $id}) DETACH DELETE t", params)
                        .consume();
            }
            return found.getFirst();
        });
    }
}
