package dev.lore.graph.expertise;

import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.Graph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * The evidence behind expertise, read per person: what they wrote (line shares), the answers they
 * gave, and their declared levels, endorsements and writing on skills. Thread-safe.
 */
public final class EvidenceStore {
    private final Graph graph;

    EvidenceStore(Graph graph) {
        this.graph = graph;
    }

    /** The answers to questions, by question id. */
    public List<AnswerAuthorship> answerAuthorship(Collection<String> questionIds) {
        return graph.read(tx -> tx.run("""
                        UNWIND $ids AS qid
                        MATCH (p:Person)-[:ANSWERED]->(a:Answer)-[:ANSWERS]->(q:Question {id: qid})
                        RETURN p.id AS person, q.id AS question, q.title AS title,
                               coalesce(a.accepted, false) AS accepted, COUNT { (:Person)-[:VOTED]->(a) } AS helpful,
                               a.at AS at
                        """, Map.of("ids", List.copyOf(questionIds)))
                .list(r -> new AnswerAuthorship(
                        r.get("person").asString(),
                        r.get("question").asString(),
                        r.get("title").asString(),
                        r.get("accepted").asBoolean(),
                        r.get("helpful").asInt(),
                        instant(r.get("at")))));
    }

    /** The "this taught me something" marks on those of the articles (by id) that have any. */
    public List<TeachingMarks> teaching(Collection<String> articleIds) {
        return graph.read(tx -> tx.run("""
                        UNWIND $ids AS aid
                        MATCH (h:Person)-[m:TAUGHT]->(a:Article {id: aid, status: 'active'})
                        RETURN a.id AS article, count(DISTINCT h) AS learners, max(m.at) AS lastAt
                        """, Map.of("ids", List.copyOf(articleIds)))
                .list(r -> new TeachingMarks(
                        r.get("article").asString(), r.get("learners").asInt(), instant(r.get("lastAt")))));
    }

    /** What a person wrote, largest share first. */
    public List<Authorship> contributions(String personId, int limit) {
        return graph.read(
                tx -> tx.run("""
                        MATCH (p:Person {id: $id})-[c:CONTRIBUTED]->(a:Article {status: 'active'})
                        RETURN p.id AS person, a.id AS article, a.slug AS slug, a.title AS title,
                               coalesce(c.share, 0.0) AS share, c.edits AS edits, c.lastAt AS lastAt
                        ORDER BY share DESC, c.lastAt DESC LIMIT $limit
                        """, Map.of("id", personId, "limit", limit)).list(EvidenceStore::toAuthorship));
    }

    private static Authorship toAuthorship(Record r) {
        return new Authorship(
                r.get("person").asString(),
                r.get("article").asString(),
                r.get("slug").asString(),
                r.get("title").asString(),
                r.get("share").asDouble(),
                r.get("edits").asInt(),
                instant(r.get("lastAt")));
    }

    /**
     * The evidence of these people on these skills (declared level, endorsements, writing), read
     * from each person rather than from each skill: cheap however popular the skill. People with no
     * evidence on a skill have no row for it.
     */
    public List<SkillEvidence> evidenceOf(Collection<String> skillKeys, Collection<String> personIds) {
        if (skillKeys.isEmpty() || personIds.isEmpty()) {
            return List.of();
        }
        // One walk of each person's skill relationships and one of their endorsements, whatever
        // the number of skills; the rows are put together here.
        return graph.read(tx -> {
            var rows = tx.run(
                            SKILL_NAMES + """
                                    UNWIND $people AS pid
                                    MATCH (p:Person {id: pid})
                                    WITH names, targets, p, """ + EVIDENCE_COLUMNS + """

                                    WHERE size(rels) > 0 OR size(ens) > 0
                                    RETURN names, p.id AS person, rels, ens
                                    """,
                            Map.of("people", List.copyOf(personIds), "keys", List.copyOf(skillKeys)))
                    .list();
            var out = new ArrayList<SkillEvidence>();
            for (Record r : rows) {
                addEvidence(r.get("person").asString(), r, skillNames(r), out);
            }
            return out;
        });
    }

    private static Map<String, String> skillNames(Record r) {
        var names = new HashMap<String, String>();
        for (Value pair : r.get("names").values()) {
            names.put(pair.get(0).asString(), pair.get(1).asString());
        }
        return names;
    }

    /** The skill evidence of one person from a row's {@code rels} and {@code ens} (see {@link #evidenceOf}). */
    private static void addEvidence(String person, Record r, Map<String, String> names, List<SkillEvidence> out) {
        var byKey = new LinkedHashMap<String, EvidenceBuilder>();
        for (Value rel : r.get("rels").values()) {
            var b = byKey.computeIfAbsent(rel.get(1).asString(), k -> new EvidenceBuilder());
            if (rel.get(0).asBoolean()) {
                b.level = optionalString(rel.get(2));
                b.declaredAt = optionalInstant(rel.get(3));
            } else {
                b.share = rel.get(4).isNull() ? 0 : rel.get(4).asDouble();
                b.articles = rel.get(5).isNull() ? 0 : rel.get(5).asInt();
                b.writtenAt = optionalInstant(rel.get(6));
            }
        }
        for (Value en : r.get("ens").values()) {
            var b = byKey.computeIfAbsent(en.get(0).asString(), k -> new EvidenceBuilder());
            b.endorsers.add(en.get(1).asString());
            Instant at = en.get(2).isNull() ? null : instant(en.get(2));
            if (at != null && (b.endorsedAt == null || at.isAfter(b.endorsedAt))) {
                b.endorsedAt = at;
            }
        }
        byKey.forEach((key, b) -> {
            if (names.containsKey(key)) {
                out.add(new SkillEvidence(
                        person,
                        key,
                        names.get(key),
                        b.level,
                        b.declaredAt,
                        List.copyOf(b.endorsers),
                        Optional.ofNullable(b.endorsedAt),
                        b.share,
                        b.articles,
                        b.writtenAt));
            }
        });
    }

    /**
     * The skill-evidence columns of {@link #evidenceOf} for a person {@code p} and the skill nodes
     * {@code targets} (compared as nodes: reading each skill's key costs more than the rest).
     */
    private static final String EVIDENCE_COLUMNS = """
            [(p)-[r:HAS_SKILL|WROTE_ABOUT]->(s) WHERE s IN targets
              | [type(r) = 'HAS_SKILL', s.key, r.level, r.declaredAt, r.share, r.articles, r.lastAt]] AS rels,
            [(e:Person)-[en:ENDORSED]->(p) WHERE en.skill IN $keys | [en.skill, e.name, en.at]] AS ens""";

    private static final String SKILL_NAMES = """
            CALL () {
              MATCH (s:Skill) WHERE s.key IN $keys RETURN collect([s.key, s.name]) AS names, collect(s) AS targets
            }
            """;

    /** One person's evidence on one skill while {@link #evidenceOf} puts it together. */
    private static final class EvidenceBuilder {
        Optional<String> level = Optional.empty();
        Optional<Instant> declaredAt = Optional.empty();
        final List<String> endorsers = new ArrayList<>();
        Instant endorsedAt;
        double share;
        int articles;
        Optional<Instant> writtenAt = Optional.empty();
    }

    static SkillEvidence toSkillEvidence(Record r) {
        return new SkillEvidence(
                r.get("person").asString(),
                r.get("key").asString(),
                r.get("name").asString(),
                optionalString(r.get("level")),
                optionalInstant(r.get("declaredAt")),
                r.get("endorsers").asList(Value::asString),
                optionalInstant(r.get("lastEndorsedAt")),
                r.get("share").asDouble(),
                r.get("articles").asInt(),
                optionalInstant(r.get("lastWrittenAt")));
    }

    /** All skill evidence about one person, for their profile. */
    public List<SkillEvidence> evidenceOf(String personId) {
        List<String> keys = graph.read(
                tx -> tx.run("""
                        MATCH (p:Person {id: $id})
                        CALL (p) {
                          MATCH (p)-[:HAS_SKILL]->(s:Skill) RETURN s
                          UNION
                          MATCH (p)<-[en:ENDORSED]-() MATCH (s:Skill {key: en.skill}) RETURN s
                          UNION
                          MATCH (p)-[:WROTE_ABOUT]->(s:Skill) RETURN s
                        }
                        RETURN DISTINCT s.key AS key
                        """, Map.of("id", personId)).list(r -> r.get("key").asString()));
        return evidenceOf(keys, List.of(personId));
    }

    static Optional<String> optionalString(Value v) {
        return v.isNull() ? Optional.empty() : Optional.of(v.asString());
    }

    static Optional<Instant> optionalInstant(Value v) {
        return v.isNull() ? Optional.empty() : Optional.of(instant(v));
    }
}
