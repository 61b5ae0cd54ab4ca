package dev.lore.graph.curation;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.Graph;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What people look for and do not find in the graph: questions nobody answered and skills people
 * want (searched for, asked about, want to learn). Whether a skill has an expert is the expertise
 * service's call, not this store's. Hidden questions and answers do not count. Thread-safe.
 */
public final class GapsStore {
    private final Graph graph;

    public GapsStore(Graph graph) {
        this.graph = graph;
    }

    /** A visible question with no visible answer. */
    public record Unanswered(String id, String title, Instant askedAt) {}

    /** How much a skill is wanted: searches naming it and questions about it since a date, and learners. */
    public record SkillDemand(String name, long searches, long questions, long wantsToLearn) {
        public long total() {
            return searches + questions + wantsToLearn;
        }
    }

    /** Questions asked before {@code askedBefore} that have no answer, oldest first. */
    public List<Unanswered> unanswered(Instant askedBefore, int limit) {
        return graph.read(tx -> tx.run("""
                        MATCH (q:Question) WHERE q.askedAt < $before AND NOT coalesce(q.hidden, false)
                          AND NOT EXISTS { (a:Answer)-[:ANSWERS]->(q) WHERE NOT coalesce(a.hidden, false) }
                        RETURN q.id AS id, q.title AS title, q.askedAt AS askedAt
                        ORDER BY q.askedAt, q.id LIMIT $limit
                        """, Map.of("before", datetime(askedBefore), "limit", limit))
                .list(r ->
                        new Unanswered(r.get("id").asString(), r.get("title").asString(), instant(r.get("askedAt")))));
    }

    /**
     * Skills with any demand, most wanted first. A search names a skill when its text is the skill's
     * key or has it as a word. Scans the searches since {@code since} once per skill: fine for the
     * thousands of searches a month of a team makes.
     */
    public List<SkillDemand> demand(Instant since, int limit) {
        return graph.read(tx -> tx.run("""
                        MATCH (s:Skill)
                        WITH s,
                             COUNT { (:Person)-[:WANTS_TO_LEARN]->(s) } AS wants,
                             COUNT { (q:Question)-[:ABOUT]->(s) WHERE q.askedAt >= $since AND NOT coalesce(q.hidden, false) } AS questions,
                             COUNT { MATCH (e:SearchEvent) WHERE e.at >= $since
                                     AND (e.key = s.key OR s.key IN split(e.key, ' ')) RETURN e } AS searches
                        WHERE wants + questions + searches > 0
                        RETURN s.name AS name, searches, questions, wants
                        ORDER BY wants + questions + searches DESC, name LIMIT $limit
                        """, Map.of("since", datetime(since), "limit", limit))
                .list(r -> new SkillDemand(
                        r.get("name").asString(),
                        r.get("searches").asLong(),
                        r.get("questions").asLong(),
                        r.get("wants").asLong())));
    }
}
