package dev.lore.graph.expertise;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.Graph;
import dev.lore.graph.internal.ChangeSequence;
import dev.lore.graph.internal.CountedWrites;
import dev.lore.graph.person.PersonCypher;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Colleagues vouching for each other's skills. Thread-safe. */
public final class EndorsementStore {
    private final Graph graph;
    private final CountedWrites writes;

    EndorsementStore(Graph graph, CountedWrites writes) {
        this.graph = graph;
        this.writes = writes;
    }

    /**
     * Records that {@code from} endorses {@code to} for a skill; false when they already had. Two
     * endorsements of the same pair and skill (left by a store from before skill merges collapsed
     * them) become the earliest one.
     */
    public boolean endorse(String from, String to, String skillName, Instant at) {
        var skill = SkillNames.of(skillName).orElseThrow(() -> new IllegalArgumentException("skill name is blank"));
        return writes.write(tx -> {
            PersonCypher.requireExist(tx, List.of(from, to));
            long seq = ChangeSequence.next(tx);
            String key = SkillCypher.merge(tx, skill, seq);
            return tx.run("""
                            MATCH (a:Person {id: $from}), (b:Person {id: $to})
                            OPTIONAL MATCH (a)-[existing:ENDORSED {skill: $key}]->(b)
                            WITH a, b, existing ORDER BY existing.at
                            WITH a, b, collect(existing) AS found
                            CALL (a, b, found) {
                              WITH a, b, found WHERE size(found) <> 1
                              FOREACH (extra IN tail(found) | DELETE extra)
                              FOREACH (_ IN CASE WHEN size(found) = 0 THEN [1] ELSE [] END |
                                CREATE (a)-[:ENDORSED {skill: $key, at: $at}]->(b))
                              SET b.seq = $seq
                            }
                            RETURN size(found) = 0 AS created
                            """, Map.of("from", from, "to", to, "key", key, "at", datetime(at), "seq", seq))
                    .single()
                    .get("created")
                    .asBoolean();
        });
    }

    /** Withdraws an endorsement; false when there was none. */
    public boolean revokeEndorsement(String from, String to, String skillName) {
        String key = SkillNames.key(skillName);
        return writes.write(tx -> {
            PersonCypher.requireExist(tx, List.of(from, to));
            long seq = ChangeSequence.next(tx);
            return tx.run(
                                    "WITH $key AS k " + SkillCypher.RESOLVE + """
                            MATCH (:Person {id: $from})-[e:ENDORSED {skill: key}]->(b:Person {id: $to})
                            DELETE e
                            SET b.seq = $seq
                            RETURN count(*) AS n
                            """,
                                    Map.of("from", from, "to", to, "key", key, "seq", seq))
                            .single()
                            .get("n")
                            .asInt()
                    > 0;
        });
    }

    /** Endorsements a person received, newest first. */
    public List<Endorsement> endorsementsOf(String personId) {
        return graph.read(tx -> tx.run("""
                        MATCH (e:Person)-[en:ENDORSED]->(:Person {id: $id})
                        OPTIONAL MATCH (s:Skill {key: en.skill})
                        RETURN e.id AS id, e.name AS name, coalesce(s.name, en.skill) AS skill, en.at AS at
                        ORDER BY en.at DESC
                        """, Map.of("id", personId))
                .list(r -> new Endorsement(
                        r.get("id").asString(),
                        r.get("name").asString(),
                        r.get("skill").asString(),
                        instant(r.get("at")))));
    }
}
