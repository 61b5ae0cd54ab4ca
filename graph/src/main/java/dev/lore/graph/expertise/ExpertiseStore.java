package dev.lore.graph.expertise;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;

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
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * The evidence of who knows what, as the graph holds it: contributions with their line shares,
 * declared skills, endorsements, wishes to learn, reads, availability, and how often someone was
 * already suggested to others. The ranking itself lives in the server; this class only reads and
 * writes evidence. Thread-safe.
 */
public final class ExpertiseStore {
    private final Graph graph;
    private final CountedWrites evidenceWrites;

    public ExpertiseStore(Graph graph) {
        this.graph = graph;
        this.evidenceWrites = new CountedWrites(graph);
    }

    /**
     * A number that moves after every change this store makes to skills, endorsements, aliases,
     * availability or people's last activity, so callers can cache what they read until the next
     * one (changes to articles and declared skills move the search index's generation instead).
     */
    public long evidenceWrites() {
        return evidenceWrites.count();
    }

    /** A write to evidence that {@link #evidenceWrites} counts, once it has run. */
    private <T> T evidenceWrite(java.util.function.Function<TransactionContext, T> work) {
        return evidenceWrites.write(work);
    }

    /** Runs many writes of this store in one transaction ({@link Graph#inOneTransaction}). */
    public void inOneWrite(Runnable work) {
        graph.inOneTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Runs many reads of this store in one read transaction ({@link Graph#inOneReadTransaction}). */
    public <T> T inOneRead(java.util.function.Supplier<T> work) {
        return graph.inOneReadTransaction(work);
    }

    // ---- people -------------------------------------------------------------------------------

    /** Who a person is and whether Lore may suggest them. */
    public record PersonInfo(
            String id,
            String name,
            String team,
            String title,
            boolean active,
            boolean available,
            Optional<Instant> lastActive) {
        /** Whether Lore may send people to this person now. */
        public boolean suggestible() {
            return active && available;
        }
    }

    private static final String PERSON_COLUMNS = """
            p.id AS id, p.name AS name, coalesce(p.team, '') AS team, coalesce(p.title, '') AS title,
            coalesce(p.active, true) AS active,
            coalesce(p.availability, 'available') = 'available'
              OR (p.unavailableUntil IS NOT NULL AND p.unavailableUntil < $now) AS available,
            p.lastActiveAt AS lastActive
            """;

    /**
     * Sets {@code lastActiveAt} (the latest contribution, kept on the person by every save) on
     * people whose contributions predate it: an upgrade step, run on start; returns how many.
     */
    public int backfillLastActive() {
        return evidenceWrite(tx -> tx.run("""
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
                            "UNWIND $ids AS pid MATCH (p:Person {id: pid}) RETURN " + PERSON_COLUMNS,
                            Map.of("ids", List.copyOf(ids), "now", datetime(now)))
                    .list(ExpertiseStore::toPerson)
                    .forEach(p -> out.put(p.id(), p));
            return out;
        });
    }

    public Optional<PersonInfo> person(String id, Instant now) {
        return Optional.ofNullable(people(List.of(id), now).get(id));
    }

    private static PersonInfo toPerson(Record r) {
        return new PersonInfo(
                r.get("id").asString(),
                r.get("name").asString(),
                r.get("team").asString(),
                r.get("title").asString(),
                r.get("active").asBoolean(),
                r.get("available").asBoolean(),
                r.get("lastActive").isNull() ? Optional.empty() : Optional.of(instant(r.get("lastActive"))));
    }

    /**
     * Sets whether a person can be suggested: {@code available}, {@code unavailable} (on leave, do
     * not disturb; until a date when given) or {@code inactive} (left the company: stays as an author,
     * cannot sign in, never suggested; their sessions and API tokens are revoked).
     */
    public void setAvailability(String personId, String status, Optional<Instant> until) {
        var params = new HashMap<String, Object>();
        params.put("id", personId);
        params.put("status", status);
        params.put("until", until.map(u -> (Object) datetime(u)).orElse(null));
        evidenceWrite(tx -> {
            params.put("seq", ChangeSequence.next(tx));
            int n = tx.run("""
                            MATCH (p:Person {id: $id})
                            SET p.active = ($status <> 'inactive'),
                                p.availability = CASE $status WHEN 'unavailable' THEN 'unavailable' ELSE 'available' END,
                                p.unavailableUntil = CASE $status WHEN 'unavailable' THEN $until ELSE null END,
                                p.seq = $seq
                            RETURN count(p) AS n
                            """, params).single().get("n").asInt();
            if (n == 0) {
                throw new NoSuchEntityException("person", personId);
            }
            if (status.equals("inactive")) {
                // leaving ends every session and API token for good: coming back means signing in again
                tx.run("MATCH (t:Token)-[:FOR]->(:Person {id: $id}) DETACH DELETE t", params)
                        .consume();
            }
            return null;
        });
    }

    // ---- skills -------------------------------------------------------------------------------

    /** The stored skill a name stands for, through built-in and stored aliases. */
    public Optional<SkillNames.Skill> findSkill(String name) {
        var normal = SkillNames.of(name);
        if (normal.isEmpty()) {
            return Optional.empty();
        }
        return graph.read(
                tx -> resolve(tx, List.of(normal.get().key())).stream().findFirst());
    }

    /** Stored skills for keys (following aliases); unknown keys are left out. */
    public List<SkillNames.Skill> skills(Collection<String> keys) {
        return graph.read(tx -> resolve(tx, List.copyOf(keys)));
    }

    private static List<SkillNames.Skill> resolve(TransactionContext tx, List<String> keys) {
        return tx.run("""
                        UNWIND $keys AS k
                        OPTIONAL MATCH (:SkillAlias {key: k})-[:ALIAS_OF]->(t:Skill)
                        WITH coalesce(t.key, k) AS key
                        MATCH (s:Skill {key: key})
                        RETURN DISTINCT s.key AS key, s.name AS name
                        """, Map.of("keys", keys))
                .list(r -> new SkillNames.Skill(
                        r.get("key").asString(), r.get("name").asString()));
    }

    /** Every stored skill key with its aliases, for matching free text against skills. */
    public Map<String, SkillNames.Skill> skillVocabulary() {
        return graph.read(tx -> {
            var out = new HashMap<String, SkillNames.Skill>();
            tx.run("""
                            MATCH (s:Skill)
                            RETURN s.key AS key, s.name AS name, [(a:SkillAlias)-[:ALIAS_OF]->(s) | a.key] AS aliases
                            """).list().forEach(r -> {
                var skill = new SkillNames.Skill(
                        r.get("key").asString(), r.get("name").asString());
                out.put(skill.key(), skill);
                r.get("aliases").asList(Value::asString).forEach(a -> out.put(a, skill));
            });
            return out;
        });
    }

    /**
     * Makes {@code alias} another name of {@code skill}: a separate skill stored under the alias is
     * merged into it (its articles, questions, declarations, wishes and endorsements move over; a
     * pair linked to both keeps one link, and of two endorsements by the same colleague the earlier
     * one), and later uses of the alias land on the skill. Returns the skill.
     */
    public SkillNames.Skill addAlias(String skillName, String alias) {
        var target = SkillNames.of(skillName).orElseThrow(() -> new IllegalArgumentException("skill name is blank"));
        var aliasKey = SkillNames.key(alias);
        if (aliasKey.isEmpty()) {
            throw new IllegalArgumentException("alias is blank");
        }
        return evidenceWrite(tx -> {
            long seq = ChangeSequence.next(tx);
            var resolved = resolve(tx, List.of(target.key()));
            if (resolved.isEmpty()) {
                throw new NoSuchEntityException("skill", skillName);
            }
            var skill = resolved.getFirst();
            if (aliasKey.equals(skill.key())) {
                return skill;
            }
            var params = Map.<String, Object>of("key", skill.key(), "alias", aliasKey, "seq", seq);
            tx.run("""
                            MATCH (s:Skill {key: $key})
                            MERGE (a:SkillAlias {key: $alias})
                            WITH s, a
                            OPTIONAL MATCH (a)-[old:ALIAS_OF]->()
                            DELETE old
                            MERGE (a)-[:ALIAS_OF]->(s)
                            """, params).consume();
            tx.run("""
                            MATCH (old:Skill {key: $alias}), (s:Skill {key: $key})
                            CALL (old, s) {
                              MATCH (a)-[r:ABOUT]->(old) MERGE (a)-[:ABOUT]->(s) SET a.seq = $seq DELETE r
                            }
                            CALL (old, s) {
                              MATCH (p:Person)-[r:HAS_SKILL]->(old)
                              MERGE (p)-[h:HAS_SKILL]->(s)
                                ON CREATE SET h.level = r.level, h.declaredAt = r.declaredAt
                              SET p.seq = $seq
                              DELETE r
                            }
                            CALL (old, s) {
                              MATCH (p:Person)-[r:WANTS_TO_LEARN]->(old) MERGE (p)-[:WANTS_TO_LEARN]->(s) DELETE r
                            }
                            CALL (old, s) {
                              MATCH (:SkillAlias)-[r:ALIAS_OF]->(old)
                              WITH r, startNode(r) AS a MERGE (a)-[:ALIAS_OF]->(s) DELETE r
                            }
                            DETACH DELETE old
                            SET s.seq = $seq
                            """, params).consume();
            tx.run("""
                            MATCH ()-[e:ENDORSED {skill: $alias}]->()
                            SET e.skill = $key
                            """, params).consume();
            // someone who endorsed a person for both skills now has two endorsements: keep the first
            tx.run("""
                            MATCH (a:Person)-[e:ENDORSED {skill: $key}]->(b:Person)
                            WITH a, b, e ORDER BY e.at
                            WITH a, b, collect(e) AS endorsements WHERE size(endorsements) > 1
                            FOREACH (extra IN tail(endorsements) | DELETE extra)
                            SET b.seq = $seq
                            """, params).consume();
            List<String> moved = tx.run("MATCH (a:Article)-[:ABOUT]->(:Skill {key: $key}) RETURN a.id AS id", params)
                    .list(r -> r.get("id").asString());
            WrittenAbout.refresh(tx, moved, List.of(skill.key()));
            return skill;
        });
    }

    // ---- endorsements and wishes --------------------------------------------------------------

    /**
     * Records that {@code from} endorses {@code to} for a skill; false when they already had. Two
     * endorsements of the same pair and skill (left by a store from before skill merges collapsed
     * them) become the earliest one.
     */
    public boolean endorse(String from, String to, String skillName, Instant at) {
        var skill = SkillNames.of(skillName).orElseThrow(() -> new IllegalArgumentException("skill name is blank"));
        return evidenceWrite(tx -> {
            requirePeople(tx, from, to);
            long seq = ChangeSequence.next(tx);
            String key = mergeSkill(tx, skill, seq);
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
        return evidenceWrite(tx -> {
            requirePeople(tx, from, to);
            long seq = ChangeSequence.next(tx);
            return tx.run("""
                            OPTIONAL MATCH (:SkillAlias {key: $key})-[:ALIAS_OF]->(t:Skill)
                            WITH coalesce(t.key, $key) AS key
                            MATCH (:Person {id: $from})-[e:ENDORSED {skill: key}]->(b:Person {id: $to})
                            DELETE e
                            SET b.seq = $seq
                            RETURN count(*) AS n
                            """, Map.of("from", from, "to", to, "key", key, "seq", seq))
                            .single()
                            .get("n")
                            .asInt()
                    > 0;
        });
    }

    /** Replaces the skills a person wants to learn. */
    public void setWantsToLearn(String personId, List<String> names) {
        evidenceWrite(tx -> {
            requirePeople(tx, personId);
            long seq = ChangeSequence.next(tx);
            tx.run("MATCH (:Person {id: $id})-[w:WANTS_TO_LEARN]->() DELETE w", Map.of("id", personId))
                    .consume();
            for (var skill : SkillNames.params(names)) {
                String key = mergeSkill(
                        tx, new SkillNames.Skill((String) skill.get("key"), (String) skill.get("name")), seq);
                tx.run("""
                                MATCH (p:Person {id: $id}), (s:Skill {key: $key})
                                MERGE (p)-[:WANTS_TO_LEARN]->(s)
                                """, Map.of("id", personId, "key", key)).consume();
            }
            return null;
        });
    }

    /** Creates the skill if new (following aliases) and returns its stored key. */
    private static String mergeSkill(TransactionContext tx, SkillNames.Skill skill, long seq) {
        return tx.run("""
                        OPTIONAL MATCH (:SkillAlias {key: $key})-[:ALIAS_OF]->(t:Skill)
                        WITH coalesce(t.key, $key) AS key
                        MERGE (s:Skill {key: key}) ON CREATE SET s.name = $name, s.seq = $seq
                          ON MATCH SET s.name = CASE WHEN s.name = toLower(s.name) AND $name <> toLower($name) THEN $name ELSE s.name END
                        RETURN s.key AS key
                        """, Map.of("key", skill.key(), "name", skill.name(), "seq", seq))
                .single()
                .get("key")
                .asString();
    }

    private static void requirePeople(TransactionContext tx, String... ids) {
        for (String id : ids) {
            boolean exists = tx.run("MATCH (p:Person {id: $id}) RETURN count(p) > 0 AS e", Map.of("id", id))
                    .single()
                    .get("e")
                    .asBoolean();
            if (!exists) {
                throw new NoSuchEntityException("person", id);
            }
        }
    }

    // ---- evidence -----------------------------------------------------------------------------

    /** A person's part in one article: share of its current text, edits, last contribution. */
    public record Authorship(
            String personId, String articleId, String slug, String title, double share, int edits, Instant lastAt) {}

    /**
     * An answer as evidence: who wrote it, to which question, whether the asker accepted it and how
     * many people found it helpful.
     */
    public record AnswerAuthorship(
            String personId, String questionId, String title, boolean accepted, int helpful, Instant at) {}

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

    /** What a person wrote, largest share first. */
    public List<Authorship> contributions(String personId, int limit) {
        return graph.read(
                tx -> tx.run("""
                        MATCH (p:Person {id: $id})-[c:CONTRIBUTED]->(a:Article {status: 'active'})
                        RETURN p.id AS person, a.id AS article, a.slug AS slug, a.title AS title,
                               coalesce(c.share, 0.0) AS share, c.edits AS edits, c.lastAt AS lastAt
                        ORDER BY share DESC, c.lastAt DESC LIMIT $limit
                        """, Map.of("id", personId, "limit", limit)).list(ExpertiseStore::toAuthorship));
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

    /** What the graph knows of one person and one skill. */
    public record SkillEvidence(
            String personId,
            String skillKey,
            String skillName,
            Optional<String> level,
            Optional<Instant> declaredAt,
            List<String> endorsers,
            Optional<Instant> lastEndorsedAt,
            double writtenShare,
            int articles,
            Optional<Instant> lastWrittenAt) {}

    /**
     * How {@link #strongest} orders the holders of a skill: the weight of each declared level, of
     * endorsements (times log2 of one plus their number), of writing (line share plus {@code
     * perArticle} for each article, at most {@code writingCap}), all halved every {@code
     * halfLifeDays}. The server's ranking uses the same numbers, so the strongest by this order are
     * the ones it would rank first.
     */
    public record Strength(
            double expert,
            double practising,
            double learning,
            double endorsement,
            double perArticle,
            double writingCap,
            int halfLifeDays) {}

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
                .list(ExpertiseStore::toSkillEvidence));
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
            var out = new java.util.ArrayList<SkillEvidence>();
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
        var byKey = new java.util.LinkedHashMap<String, EvidenceBuilder>();
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
        final List<String> endorsers = new java.util.ArrayList<>();
        Instant endorsedAt;
        double share;
        int articles;
        Optional<Instant> writtenAt = Optional.empty();
    }

    private static SkillEvidence toSkillEvidence(Record r) {
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

    /** Endorsements a person received: who, for what, when; newest first. */
    public record Endorsement(String fromId, String fromName, String skill, Instant at) {}

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

    public List<SkillNames.Skill> wantsToLearn(String personId) {
        return graph.read(tx -> tx.run("""
                        MATCH (:Person {id: $id})-[:WANTS_TO_LEARN]->(s:Skill)
                        RETURN s.key AS key, s.name AS name ORDER BY s.name
                        """, Map.of("id", personId))
                .list(r -> new SkillNames.Skill(
                        r.get("key").asString(), r.get("name").asString())));
    }

    /** Records that a signed-in person opened the live article at {@code slug}. */
    public void recordRead(String personId, String slug, Instant at) {
        graph.write(tx -> tx.run("""
                        MATCH (p:Person {id: $person}), (a:Article {slug: $slug, status: 'active'})
                        MERGE (p)-[r:READ]->(a) ON CREATE SET r.count = 0, r.firstAt = $at
                        SET r.count = r.count + 1, r.lastAt = $at
                        """, Map.of("person", personId, "slug", slug, "at", datetime(at)))
                .consume());
    }

    /** A live article and how many different people read it in a period. */
    public record Popular(String slug, String title, int readers) {}

    /**
     * The live articles read by the most different signed-in people since {@code since} (a
     * person's reads count once; ties go to the most recently updated page).
     */
    public List<Popular> popular(Instant since, int limit) {
        return graph.read(tx -> tx.run("""
                        MATCH (:Person)-[r:READ]->(a:Article {status: 'active'})
                        WHERE r.lastAt >= $since
                        WITH a, count(r) AS readers
                        RETURN a.slug AS slug, a.title AS title, readers
                        ORDER BY readers DESC, a.updatedAt DESC LIMIT $limit
                        """, Map.of("since", datetime(since), "limit", limit))
                .list(r -> new Popular(
                        r.get("slug").asString(),
                        r.get("title").asString(),
                        r.get("readers").asInt())));
    }

    // ---- closeness and load -------------------------------------------------------------------

    /** How close {@code personId} is to each candidate: same team, articles written together. */
    public record Closeness(String candidateId, boolean sameTeam, int sharedArticles, int sharedCoauthors) {}

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
                        "UNWIND $ids AS pid MATCH (p:Person {id: pid}) RETURN " + PERSON_COLUMNS + """
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
                .list(r -> new Candidate(toPerson(r), r.get("load").asInt())));
    }

    /**
     * What Lore knows of a learner in one read: who they are, the skills they want to learn, the
     * skills of live articles they read (with how many), their searches since {@code since}
     * (newest first, at most {@code searches}) and the skills they already have (declared above
     * learning, or two or more articles of which they wrote 60% or more). Empty for an unknown id.
     */
    public record Learner(
            PersonInfo person,
            List<SkillNames.Skill> wants,
            Map<SkillNames.Skill, Integer> reads,
            List<String> searches,
            java.util.Set<String> has) {}

    public Optional<Learner> learner(String personId, Instant since, int searches, Instant now) {
        return graph.read(tx -> tx
                .run(
                        "MATCH (p:Person {id: $id}) RETURN " + PERSON_COLUMNS + """
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
                            toPerson(r),
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

    // ---- skill pages --------------------------------------------------------------------------

    /**
     * A skill's description (empty until someone writes one), live articles (most recently updated
     * first) and the skills seen with it most.
     */
    public record SkillOverview(
            SkillNames.Skill skill,
            String description,
            List<String> aliases,
            List<ArticleRef> articles,
            List<Related> related) {}

    /**
     * Sets what a skill is about, in a sentence or two (blank clears it). The skill is created when
     * it does not exist yet, so a seed pack can describe skills before any page uses them. Returns
     * the skill.
     */
    public SkillNames.Skill describe(String skillName, String description) {
        var wanted = SkillNames.of(skillName).orElseThrow(() -> new IllegalArgumentException("skill name is blank"));
        return evidenceWrite(tx -> {
            long seq = ChangeSequence.next(tx);
            var skill = resolve(tx, List.of(wanted.key())).stream().findFirst().orElse(wanted);
            tx.run(
                            """
                            MERGE (s:Skill {key: $key}) ON CREATE SET s.name = $name
                            SET s.description = $description, s.seq = $seq
                            """,
                            Map.of(
                                    "key", skill.key(),
                                    "name", skill.name(),
                                    "description", description.strip(),
                                    "seq", seq))
                    .consume();
            return skill;
        });
    }

    public record ArticleRef(String id, String slug, String title, Instant updatedAt) {}

    public record Related(String key, String name, int together) {}

    public Optional<SkillOverview> overview(String key, int articleLimit, int relatedLimit) {
        return graph.read(tx -> {
            var found = resolve(tx, List.of(key));
            if (found.isEmpty()) {
                return Optional.<SkillOverview>empty();
            }
            var skill = found.getFirst();
            var params = Map.<String, Object>of("key", skill.key(), "limit", articleLimit, "related", relatedLimit);
            String description = tx.run("MATCH (s:Skill {key: $key}) RETURN coalesce(s.description, '') AS d", params)
                    .single()
                    .get("d")
                    .asString();
            List<String> aliases = tx.run(
                            "MATCH (a:SkillAlias)-[:ALIAS_OF]->(:Skill {key: $key}) RETURN a.key AS k ORDER BY k",
                            params)
                    .list(r -> r.get("k").asString());
            List<ArticleRef> articles = tx.run("""
                            MATCH (a:Article {status: 'active'})-[:ABOUT]->(:Skill {key: $key})
                            RETURN a.id AS id, a.slug AS slug, a.title AS title, a.updatedAt AS at
                            ORDER BY a.updatedAt DESC LIMIT $limit
                            """, params)
                    .list(r -> new ArticleRef(
                            r.get("id").asString(),
                            r.get("slug").asString(),
                            r.get("title").asString(),
                            instant(r.get("at"))));
            // Related: skills that share articles or people with this one (co-occurrence).
            List<Related> related = tx.run("""
                            MATCH (s:Skill {key: $key})
                            CALL (s) {
                              MATCH (s)<-[:ABOUT]-(:Article {status: 'active'})-[:ABOUT]->(o:Skill) RETURN o
                              UNION ALL
                              MATCH (s)<-[:HAS_SKILL]-(:Person)-[:HAS_SKILL]->(o:Skill) RETURN o
                            }
                            WITH o, count(*) AS together
                            RETURN o.key AS key, o.name AS name, together
                            ORDER BY together DESC, name LIMIT $related
                            """, params)
                    .list(r -> new Related(
                            r.get("key").asString(),
                            r.get("name").asString(),
                            r.get("together").asInt()));
            return Optional.of(new SkillOverview(skill, description, aliases, articles, related));
        });
    }

    private static Optional<String> optionalString(Value v) {
        return v.isNull() ? Optional.empty() : Optional.of(v.asString());
    }

    private static Optional<Instant> optionalInstant(Value v) {
        return v.isNull() ? Optional.empty() : Optional.of(instant(v));
    }
}
