package dev.lore.graph.expertise;

import static dev.lore.graph.internal.Values.datetime;

import dev.lore.graph.Graph;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The expert-ranking query of the graph: the strongest holders of skills by declared level,
 * endorsements and writing, sorted in the database so only the strongest travel. Thread-safe.
 */
public final class SkillHolders {
    private final Graph graph;

    SkillHolders(Graph graph) {
        this.graph = graph;
    }

    private static final String DECAY = "(0.5 ^ (CASE WHEN %1$s IS NULL THEN 0 ELSE"
            + " CASE WHEN duration.inDays(%1$s, $now).days < 0 THEN 0 ELSE duration.inDays(%1$s, $now).days END"
            + " END / toFloat($w.halfLifeDays)))";

    private static final String STRONGEST = """
            UNWIND $keys AS k
            MATCH (s:Skill {key: k})
            CALL (s) {
              CALL (s) {
                MATCH (p:Person)-[h:HAS_SKILL]->(s)
                RETURN p, h.level AS level, h.declaredAt AS declaredAt, null AS endorser, null AS endorsedAt,
                       0.0 AS share, 0 AS articles, null AS writtenAt
                UNION ALL
                MATCH (e:Person)-[en:ENDORSED {skill: s.key}]->(p:Person)
                RETURN p, null AS level, null AS declaredAt, e AS endorser, en.at AS endorsedAt,
                       0.0 AS share, 0 AS articles, null AS writtenAt
                %s
              }
              WITH p, collect(level)[0] AS level, collect(declaredAt)[0] AS declaredAt,
                   collect(endorser) AS endorsers, max(endorsedAt) AS lastEndorsedAt,
                   sum(share) AS share, sum(articles) AS articles, max(writtenAt) AS lastWrittenAt
              WITH *,
                   CASE level WHEN 'expert' THEN $w.expert WHEN 'practising' THEN $w.practising
                     WHEN 'learning' THEN $w.learning ELSE 0.0 END * %s
                   + CASE size(endorsers) WHEN 0 THEN 0.0
                     ELSE $w.endorsement * log(1 + size(endorsers)) / log(2) * %s END
                   + CASE articles WHEN 0 THEN 0.0
                     ELSE CASE WHEN share + $w.perArticle * articles > $w.writingCap THEN $w.writingCap
                       ELSE share + $w.perArticle * articles END * %s END AS strength
              ORDER BY strength DESC, p.id
              LIMIT $perSkill
              RETURN p, level, declaredAt, [x IN endorsers | x.name] AS endorsers, lastEndorsedAt,
                     share, articles, lastWrittenAt
            }
            RETURN p.id AS person, s.key AS key, s.name AS name, level, declaredAt, endorsers,
                   lastEndorsedAt, share, articles, lastWrittenAt
            """.formatted(
            "%s", DECAY.formatted("declaredAt"), DECAY.formatted("lastEndorsedAt"), DECAY.formatted("lastWrittenAt"));

    private static final String WRITING_BRANCH = """
            UNION ALL
                MATCH (p:Person)-[w:WROTE_ABOUT]->(s)
                RETURN p, null AS level, null AS declaredAt, null AS endorser, null AS endorsedAt,
                       w.share AS share, w.articles AS articles, w.lastAt AS writtenAt""";

    /**
     * The {@code perSkill} strongest holders of each skill by {@code strength} as of {@code now}:
     * declared levels, endorsements and, with {@code writing}, writing (sum of line shares over
     * live articles about the skill). A popular skill has thousands of holders; the database sorts
     * them and only the strongest travel.
     */
    public List<SkillEvidence> strongest(
            Collection<String> skillKeys, int perSkill, boolean writing, Strength strength, Instant now) {
        var w = new HashMap<String, Object>();
        w.put("expert", strength.expert());
        w.put("practising", strength.practising());
        w.put("learning", strength.learning());
        w.put("endorsement", strength.endorsement());
        w.put("perArticle", strength.perArticle());
        w.put("writingCap", strength.writingCap());
        w.put("halfLifeDays", strength.halfLifeDays());
        String query = STRONGEST.formatted(writing ? WRITING_BRANCH : "");
        return graph.read(tx -> tx.run(
                        query,
                        Map.of("keys", List.copyOf(skillKeys), "perSkill", perSkill, "w", w, "now", datetime(now)))
                .list(EvidenceStore::toSkillEvidence));
    }
}
