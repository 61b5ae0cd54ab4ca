package dev.lore.graph.expertise;

import static dev.lore.graph.internal.Values.datetime;

import dev.lore.graph.Graph;
import dev.lore.graph.internal.ChangeSequence;
import dev.lore.graph.internal.CountedWrites;
import dev.lore.graph.person.PersonCypher;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Value;

/**
 * Learners and whom they could learn from: the skills people want to learn, what Lore knows of a
 * learner, how close candidates are to them, and how often each was already suggested. Thread-safe.
 */
public final class LearnerStore {
    private final Graph graph;
    private final CountedWrites writes;

    LearnerStore(Graph graph, CountedWrites writes) {
        this.graph = graph;
        this.writes = writes;
    }

    /**
     * Replaces the skills a person wants to learn; returns them as this write left them (by name),
     * read in its transaction.
     */
    public List<SkillNames.Skill> setWantsToLearn(String personId, List<String> names) {
        return writes.write(tx -> {
            PersonCypher.requireExist(tx, List.of(personId));
            long seq = ChangeSequence.next(tx);
            tx.run("MATCH (:Person {id: $id})-[w:WANTS_TO_LEARN]->() DELETE w", Map.of("id", personId))
                    .consume();
            for (var skill : SkillNames.params(names)) {
                String key = SkillCypher.merge(
                        tx, new SkillNames.Skill((String) skill.get("key"), (String) skill.get("name")), seq);
                tx.run("""
                                MATCH (p:Person {id: $id}), (s:Skill {key: $key})
                                MERGE (p)-[:WANTS_TO_LEARN]->(s)
                                """, Map.of("id", personId, "key", key)).consume();
            }
            return wantsToLearn(personId);
        });
    }

    /** The skills a person wants to learn, by name. */
    public List<SkillNames.Skill> wantsToLearn(String personId) {
        return graph.read(tx -> tx.run("""
                        MATCH (:Person {id: $id})-[:WANTS_TO_LEARN]->(s:Skill)
                        RETURN s.key AS key, s.name AS name ORDER BY s.name
                        """, Map.of("id", personId))
                .list(r -> new SkillNames.Skill(
                        r.get("key").asString(), r.get("name").asString())));
    }

    /** How close {@code personId} is to each candidate: same team, articles written together. */
    public Map<String, Closeness> closeness(String personId, Collection<String> candidateIds) {
        return graph.read(tx -> {
            // walked from the learner, who has written less than the experts they are offered:
            // the articles they share with each candidate, then their co-authors' co-authors
            var row = tx.run("""
                            MATCH (me:Person {id: $id})
                            CALL (me) {
                              OPTIONAL MATCH (me)-[:CONTRIBUTED]->(:Article)<-[:CONTRIBUTED]-(x:Person)
                              WHERE x <> me
                              RETURN collect(CASE WHEN x.id IN $candidates THEN x.id END) AS sharedWith,
                                     collect(DISTINCT x)[0..200] AS mine
                            }
                            CALL (mine) {
                              UNWIND mine AS x
                              MATCH (x)-[:CONTRIBUTED]->(:Article)<-[:CONTRIBUTED]-(c:Person)
                              WHERE c <> x AND c.id IN $candidates
                              RETURN collect(DISTINCT [c.id, x.id]) AS via
                            }
                            CALL (me) {
                              UNWIND $candidates AS cid
                              MATCH (c:Person {id: cid})
                              WHERE me.team IS NOT NULL AND me.team <> '' AND c.team = me.team
                              RETURN collect(c.id) AS sameTeam
                            }
                            RETURN sharedWith, via, sameTeam
                            """, Map.of("id", personId, "candidates", List.copyOf(candidateIds)))
                    .list();
            var shared = new HashMap<String, Integer>();
            var coauthors = new HashMap<String, Integer>();
            var sameTeam = new java.util.HashSet<String>();
            if (!row.isEmpty()) {
                sameTeam.addAll(row.getFirst().get("sameTeam").asList(Value::asString));
                for (Value id : row.getFirst().get("sharedWith").values()) {
                    shared.merge(id.asString(), 1, Integer::sum);
                }
                for (Value pair : row.getFirst().get("via").values()) {
                    coauthors.merge(pair.get(0).asString(), 1, Integer::sum);
                }
            }
            var out = new HashMap<String, Closeness>();
            for (String c : candidateIds) {
                out.put(
                        c,
                        new Closeness(
                                c, sameTeam.contains(c), shared.getOrDefault(c, 0), coauthors.getOrDefault(c, 0)));
            }
            return out;
        });
    }

    /** A candidate expert: who they are and how many others they were suggested to lately. */
    public record Candidate(PersonInfo person, int load) {}

    /**
     * People (as {@link #people}) with their load: how many people other than {@code learnerId}
     * they were suggested to since {@code since}. Unknown ids are left out.
     */
    public List<Candidate> candidates(Collection<String> ids, String learnerId, Instant since, Instant now) {
        return graph.read(tx -> tx.run(
                        "UNWIND $ids AS pid MATCH (p:Person {id: pid}) RETURN " + PersonInfo.COLUMNS + """
                                , COUNT { (l:Person)-[s:WAS_SUGGESTED]->(p) WHERE s.at >= $since AND l.id <> $me } AS load
                                """,
                        Map.of(
                                "ids",
                                List.copyOf(ids),
                                "me",
                                learnerId,
                                "since",
                                datetime(since),
                                "now",
                                datetime(now)))
                .list(r -> new Candidate(PersonInfo.of(r), r.get("load").asInt())));
    }

    /**
     * What Lore knows of a learner ({@link Learner}): their searches since {@code since}, at most
     * {@code searches} of them. Empty for an unknown id.
     */
    public Optional<Learner> learner(String personId, Instant since, int searches, Instant now) {
        return graph.read(tx -> tx
                .run(
                        "MATCH (p:Person {id: $id}) RETURN " + PersonInfo.COLUMNS + """
                                , [(p)-[:WANTS_TO_LEARN]->(s:Skill) | [s.key, s.name]] AS wants,
                                  [(p)-[:READ]->(a:Article {status: 'active'})-[:ABOUT]->(s:Skill) | [s.key, s.name]] AS reads,
                                  COLLECT { MATCH (e:SearchEvent {person: p.id}) WHERE e.at >= $since
                                            RETURN e.query ORDER BY e.at DESC LIMIT $searches } AS searches,
                                  [(p)-[h:HAS_SKILL]->(s:Skill) WHERE h.level <> 'learning' | s.key]
                                    + [(p)-[w:WROTE_ABOUT]->(s:Skill) WHERE w.articles >= 2 AND w.share >= 0.6 | s.key]
                                    AS has
                                """,
                        Map.of("id", personId, "since", datetime(since), "searches", searches, "now", datetime(now)))
                .list(r -> {
                    var wants = new java.util.ArrayList<SkillNames.Skill>();
                    for (Value v : r.get("wants").values()) {
                        wants.add(new SkillNames.Skill(
                                v.get(0).asString(), v.get(1).asString()));
                    }
                    wants.sort(java.util.Comparator.comparing(SkillNames.Skill::name));
                    var reads = new java.util.LinkedHashMap<SkillNames.Skill, Integer>();
                    for (Value v : r.get("reads").values()) {
                        reads.merge(
                                new SkillNames.Skill(
                                        v.get(0).asString(), v.get(1).asString()),
                                1,
                                Integer::sum);
                    }
                    return new Learner(
                            PersonInfo.of(r),
                            List.copyOf(wants),
                            reads,
                            r.get("searches").asList(Value::asString),
                            java.util.Set.copyOf(r.get("has").asList(Value::asString)));
                })
                .stream()
                .findFirst());
    }

    /** Experts suggested to a learner at a time. */
    public record Suggested(String learnerId, List<String> expertIds, Instant at) {}

    /**
     * Records that experts were suggested to learners (once per pair; a later suggestion moves the
     * date).
     */
    public void recordSuggested(List<Suggested> suggestions) {
        var rows = suggestions.stream()
                .map(s -> Map.<String, Object>of("id", s.learnerId(), "experts", s.expertIds(), "at", datetime(s.at())))
                .toList();
        graph.write(tx -> tx.run("""
                        UNWIND $rows AS row
                        MATCH (l:Person {id: row.id})
                        UNWIND row.experts AS eid
                        MATCH (e:Person {id: eid})
                        MERGE (l)-[s:WAS_SUGGESTED]->(e)
                        SET s.at = row.at
                        """, Map.of("rows", rows)).consume());
    }
}
