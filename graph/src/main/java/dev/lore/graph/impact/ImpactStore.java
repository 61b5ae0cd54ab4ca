package dev.lore.graph.impact;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.strings;

import dev.lore.graph.Graph;
import dev.lore.graph.expertise.SkillCypher;
import dev.lore.graph.expertise.SkillNames;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;

/**
 * The raw figures behind the impact dashboard, bucketed by ISO week (Monday, UTC) in Cypher: one
 * query per figure over a time window, optionally narrowed to what people of one team did and to
 * content about one skill. The service turns the buckets into weeks and totals. Hidden questions
 * and answers do not count. Thread-safe.
 */
public final class ImpactStore {
    /** Whether the acting person is in the team (or no team was asked for). */
    private static final String IN_TEAM = "($team IS NULL OR toLower(coalesce(p.team, '')) = $team)";
    /** Whether {@code t} (an article, question, answer or comment target) is about the skill. */
    private static final String ABOUT_SKILL = """
            ($skill IS NULL OR EXISTS { (t)-[:ABOUT]->(:Skill {key: $skill}) }
              OR EXISTS { (t)-[:ANSWERS]->(:Question)-[:ABOUT]->(:Skill {key: $skill}) })""";

    private final Graph graph;

    public ImpactStore(Graph graph) {
        this.graph = graph;
    }

    /**
     * What to count: things done in [{@code from}, {@code to}), by people whose team is {@code team}
     * (ignoring case), about the skill with key {@code skillKey}.
     */
    public record Window(Instant from, Instant to, Optional<String> team, Optional<String> skillKey) {}

    /** A skill as the filter found it: its key, and its display name when Lore knows the skill. */
    public record SkillRef(String key, Optional<String> name) {}

    /** Per ISO week (its Monday), the ids of the distinct people or things that count. */
    public record Distinct(Map<LocalDate, List<String>> byWeek) {}

    /** Per ISO week, how many searches there were and how many were followed by a click. */
    public record Searches(long searches, long clicked) {}

    /** The key a skill filter matches on, following champions' aliases. */
    public SkillRef skill(String name) {
        String key = SkillNames.key(name);
        return graph.read(tx -> {
            Record r = tx.run("WITH $key AS k " + SkillCypher.RESOLVE + """
                            OPTIONAL MATCH (s:Skill {key: key})
                            RETURN key, s.name AS name
                            """, Map.of("key", key))
                    .single();
            return new SkillRef(
                    r.get("key").asString(),
                    r.get("name").isNull()
                            ? Optional.empty()
                            : Optional.of(r.get("name").asString()));
        });
    }

    /** Every team someone is in, by name. */
    public List<String> teams() {
        return graph.read(tx -> tx.run("""
                        MATCH (p:Person) WHERE coalesce(p.team, '') <> ''
                        RETURN DISTINCT p.team AS team ORDER BY team
                        """).list(r -> r.get("team").asString()));
    }

    /** People who saved a revision of an article, asked, answered or commented, per week. */
    public Distinct activeContributors(Window w) {
        return distinct(w, """
                CALL () {
                  MATCH (t:Article)-[:HAS_REVISION]->(r:Revision)-[:BY]->(p:Person)
                  WHERE r.at >= $from AND r.at < $to AND %1$s
                  RETURN p, r.at AS at
                  UNION ALL
                  MATCH (p:Person)-[:ASKED]->(t:Question)
                  WHERE t.askedAt >= $from AND t.askedAt < $to AND NOT coalesce(t.hidden, false) AND %1$s
                  RETURN p, t.askedAt AS at
                  UNION ALL
                  MATCH (p:Person)-[:ANSWERED]->(t:Answer)-[:ANSWERS]->(q:Question)
                  WHERE t.at >= $from AND t.at < $to AND NOT coalesce(t.hidden, false) AND NOT coalesce(q.hidden, false)
                    AND %1$s
                  RETURN p, t.at AS at
                  UNION ALL
                  MATCH (p:Person)-[:WROTE]->(c:Comment)-[:ON]->(t)
                  WHERE c.at >= $from AND c.at < $to AND %1$s
                  RETURN p, c.at AS at
                }
                WITH p, at WHERE %2$s
                RETURN date.truncate('week', at) AS week, collect(DISTINCT p.id) AS ids
                """.formatted(ABOUT_SKILL, IN_TEAM));
    }

    /** Articles whose first revision was saved in the week. */
    public Map<LocalDate, Long> newArticles(Window w) {
        return counts(w, """
                MATCH (t:Article)-[:HAS_REVISION]->(r:Revision {n: 1})-[:BY]->(p:Person)
                WHERE r.at >= $from AND r.at < $to AND %s AND %s
                RETURN date.truncate('week', r.at) AS week, count(*) AS n
                """.formatted(ABOUT_SKILL, IN_TEAM));
    }

    /** Articles (their ids) that got a revision after their first in the week. */
    public Distinct updatedArticles(Window w) {
        return distinct(w, """
                MATCH (t:Article)-[:HAS_REVISION]->(r:Revision)-[:BY]->(p:Person)
                WHERE r.n > 1 AND r.at >= $from AND r.at < $to AND %s AND %s
                RETURN date.truncate('week', r.at) AS week, collect(DISTINCT t.id) AS ids
                """.formatted(ABOUT_SKILL, IN_TEAM));
    }

    /** Questions asked in the week (the asker in the team). */
    public Map<LocalDate, Long> questionsAsked(Window w) {
        return counts(w, """
                MATCH (p:Person)-[:ASKED]->(t:Question)
                WHERE t.askedAt >= $from AND t.askedAt < $to AND NOT coalesce(t.hidden, false) AND %s AND %s
                RETURN date.truncate('week', t.askedAt) AS week, count(*) AS n
                """.formatted(ABOUT_SKILL, IN_TEAM));
    }

    /** Questions whose first visible answer came in the week (its author in the team). */
    public Map<LocalDate, Long> questionsAnswered(Window w) {
        return counts(w, """
                MATCH (p:Person)-[:ANSWERED]->(a:Answer)-[:ANSWERS]->(t:Question)
                WHERE a.at >= $from AND a.at < $to AND NOT coalesce(a.hidden, false) AND NOT coalesce(t.hidden, false)
                  AND NOT EXISTS { MATCH (o:Answer)-[:ANSWERS]->(t)
                                   WHERE NOT coalesce(o.hidden, false) AND (o.at < a.at OR (o.at = a.at AND o.id < a.id)) }
                  AND %s AND %s
                RETURN date.truncate('week', a.at) AS week, count(*) AS n
                """.formatted(ABOUT_SKILL, IN_TEAM));
    }

    /**
     * For questions asked in the week (the asker in the team) that have a visible answer, the
     * seconds from asking to the first answer.
     */
    public Map<LocalDate, List<Long>> secondsToFirstAnswer(Window w) {
        return graph.read(tx -> tx.run("""
                        MATCH (p:Person)-[:ASKED]->(t:Question)<-[:ANSWERS]-(a:Answer)
                        WHERE t.askedAt >= $from AND t.askedAt < $to AND NOT coalesce(t.hidden, false)
                          AND NOT coalesce(a.hidden, false) AND %s AND %s
                        WITH t, min(a.at) AS first
                        RETURN date.truncate('week', t.askedAt) AS week,
                               collect(duration.inSeconds(t.askedAt, first).seconds) AS seconds
                        """.formatted(ABOUT_SKILL, IN_TEAM), params(w)).list().stream()
                .collect(java.util.stream.Collectors.toMap(
                        r -> r.get("week").asLocalDate(), r -> r.get("seconds").asList(v -> v.asLong()))));
    }

    /**
     * Searches with text in the week and how many were followed by a click. With a team, only
     * searches by signed-in people of that team count (anonymous ones cannot be placed in a team);
     * with a skill, searches whose text is the skill's key or contains it as words.
     */
    public Map<LocalDate, Searches> searches(Window w) {
        return graph.read(tx -> tx.run("""
                        MATCH (e:SearchEvent) WHERE e.at >= $from AND e.at < $to AND e.key <> ''
                          AND ($skill IS NULL OR (' ' + e.key + ' ') CONTAINS (' ' + $skill + ' '))
                        OPTIONAL MATCH (p:Person {id: e.person})
                        WITH e, p WHERE %s
                        RETURN date.truncate('week', e.at) AS week, count(e) AS searches,
                               count(e.clickedPosition) AS clicked
                        """.formatted(IN_TEAM), params(w)).list().stream()
                .collect(java.util.stream.Collectors.toMap(
                        r -> r.get("week").asLocalDate(),
                        r -> new Searches(
                                r.get("searches").asLong(), r.get("clicked").asLong()))));
    }

    /**
     * Learners who finished a path in the week: they have every step of it done, the last one in
     * the week. With a skill, paths about it.
     */
    public Map<LocalDate, Long> pathCompletions(Window w) {
        return counts(w, """
                MATCH (path:Path)-[:HAS_STEP]->(st:PathStep)
                WHERE $skill IS NULL OR path.skillKey = $skill
                WITH path, count(st) AS steps
                MATCH (path)-[:HAS_STEP]->(:PathStep)<-[d:DONE]-(p:Person)
                WHERE %s
                WITH path, steps, p, count(d) AS done, max(d.at) AS at
                WHERE done = steps AND at >= $from AND at < $to
                RETURN date.truncate('week', at) AS week, count(*) AS n
                """.formatted(IN_TEAM));
    }

    /** Kudos given in the week (the giver in the team), for an article or answer about the skill. */
    public Map<LocalDate, Long> kudos(Window w) {
        return counts(w, """
                MATCH (p:Person)-[:GAVE]->(k:Kudos)-[:FOR]->(t)
                WHERE k.at >= $from AND k.at < $to AND %s AND %s
                RETURN date.truncate('week', k.at) AS week, count(*) AS n
                """.formatted(ABOUT_SKILL, IN_TEAM));
    }

    /** One thing a person did for another in a period, by kind, with whom it helped. */
    public record Help(String personId, String name, String team, String kind, long times, List<String> helped) {}

    /**
     * What people taught others in [from, to): answers accepted then (the asker helped), helpful
     * votes received (the voter), kudos received (the giver), readers of articles they wrote at
     * least a fifth of (a read counts when it was first or last opened in the period), and "this
     * taught me something" on articles they wrote at least a fifth of (the learner). One row per
     * person and kind; nothing of one's own counts. {@code team} is the helper's.
     */
    public List<Help> help(Window w) {
        return graph.read(tx -> tx.run("""
                        CALL () {
                          MATCH (p:Person)-[:ANSWERED]->(a:Answer)-[:ANSWERS]->(t:Question)<-[:ASKED]-(h:Person)
                          WHERE a.accepted AND a.acceptedAt >= $from AND a.acceptedAt < $to
                            AND NOT coalesce(a.hidden, false) AND NOT coalesce(t.hidden, false) AND %1$s
                          RETURN p, 'accepted' AS kind, h.id AS helped
                          UNION ALL
                          MATCH (h:Person)-[v:VOTED]->(a:Answer)-[:ANSWERS]->(t:Question), (p:Person)-[:ANSWERED]->(a)
                          WHERE v.at >= $from AND v.at < $to
                            AND NOT coalesce(a.hidden, false) AND NOT coalesce(t.hidden, false) AND %1$s
                          RETURN p, 'helpful' AS kind, h.id AS helped
                          UNION ALL
                          MATCH (h:Person)-[:GAVE]->(k:Kudos)-[:TO]->(p:Person), (k)-[:FOR]->(t)
                          WHERE k.at >= $from AND k.at < $to AND %1$s
                          RETURN p, 'kudos' AS kind, h.id AS helped
                          UNION ALL
                          MATCH (h:Person)-[r:READ]->(t:Article {status: 'active'})<-[c:CONTRIBUTED]-(p:Person)
                          WHERE c.share >= 0.2 AND ((r.lastAt >= $from AND r.lastAt < $to) OR (r.firstAt >= $from AND r.firstAt < $to))
                            AND %1$s
                          RETURN p, 'read' AS kind, h.id AS helped
                          UNION ALL
                          MATCH (h:Person)-[m:TAUGHT]->(t:Article {status: 'active'})<-[c:CONTRIBUTED]-(p:Person)
                          WHERE c.share >= 0.2 AND m.at >= $from AND m.at < $to AND %1$s
                          RETURN p, 'taught' AS kind, h.id AS helped
                        }
                        WITH p, kind, helped WHERE helped <> p.id AND %2$s
                        RETURN p.id AS id, p.name AS name, coalesce(p.team, '') AS team, kind,
                               count(*) AS times, collect(DISTINCT helped) AS helped
                        """.formatted(ABOUT_SKILL, IN_TEAM), params(w))
                .list(r -> new Help(
                        r.get("id").asString(),
                        r.get("name").asString(),
                        r.get("team").asString(),
                        r.get("kind").asString(),
                        r.get("times").asLong(),
                        strings(r.get("helped")))));
    }

    /** A page that taught people something in a period: how many marks it got then, and their notes. */
    public record TaughtPage(String slug, String title, long marks, List<String> notes) {}

    /**
     * The pages most marked "this taught me something" in [from, to) (by learners in the team, on
     * pages about the skill), most marks first, then title; with up to three of the period's notes.
     */
    public List<TaughtPage> taughtPages(Window w, int limit) {
        var params = params(w);
        params.put("limit", limit);
        return graph.read(tx -> tx.run("""
                        MATCH (p:Person)-[m:TAUGHT]->(t:Article {status: 'active'})
                        WHERE m.at >= $from AND m.at < $to AND %s AND %s
                        WITH t, m ORDER BY m.at DESC
                        WITH t, count(m) AS marks, collect(m.note) AS notes
                        RETURN t.slug AS slug, t.title AS title, marks, notes[..3] AS notes
                        ORDER BY marks DESC, title LIMIT $limit
                        """.formatted(ABOUT_SKILL, IN_TEAM), params)
                .list(r -> new TaughtPage(
                        r.get("slug").asString(),
                        r.get("title").asString(),
                        r.get("marks").asLong(),
                        strings(r.get("notes")))));
    }

    private Map<LocalDate, Long> counts(Window w, String cypher) {
        return graph.read(tx -> tx.run(cypher, params(w)).list().stream()
                .collect(java.util.stream.Collectors.toMap(
                        r -> r.get("week").asLocalDate(), r -> r.get("n").asLong())));
    }

    private Distinct distinct(Window w, String cypher) {
        return new Distinct(graph.read(tx -> tx.run(cypher, params(w)).list().stream()
                .collect(java.util.stream.Collectors.toMap(
                        r -> r.get("week").asLocalDate(), r -> strings(r.get("ids"))))));
    }

    private static Map<String, Object> params(Window w) {
        var params = new HashMap<String, Object>();
        params.put("from", datetime(w.from()));
        params.put("to", datetime(w.to()));
        params.put("team", w.team().map(t -> t.strip().toLowerCase(Locale.ROOT)).orElse(null));
        params.put("skill", w.skillKey().orElse(null));
        return params;
    }
}
