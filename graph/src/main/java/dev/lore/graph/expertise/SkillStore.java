package dev.lore.graph.expertise;

import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.internal.ChangeSequence;
import dev.lore.graph.internal.CountedWrites;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Value;

/**
 * Skills and their names: finding a skill by any spelling, champions' aliases (which merge the
 * skill stored under the alias into the one it names), descriptions, and what a skill's page
 * shows. Thread-safe.
 */
public final class SkillStore {
    private final Graph graph;
    private final CountedWrites writes;

    SkillStore(Graph graph, CountedWrites writes) {
        this.graph = graph;
        this.writes = writes;
    }

    /** The stored skill a name stands for, through built-in and stored aliases. */
    public Optional<SkillNames.Skill> findSkill(String name) {
        var normal = SkillNames.of(name);
        if (normal.isEmpty()) {
            return Optional.empty();
        }
        return graph.read(tx ->
                SkillCypher.resolve(tx, List.of(normal.get().key())).stream().findFirst());
    }

    /** Stored skills for keys (following aliases); unknown keys are left out. */
    public List<SkillNames.Skill> skills(Collection<String> keys) {
        return graph.read(tx -> SkillCypher.resolve(tx, List.copyOf(keys)));
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
        return writes.write(tx -> {
            long seq = ChangeSequence.next(tx);
            var resolved = SkillCypher.resolve(tx, List.of(target.key()));
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

    /**
     * Sets what a skill is about, in a sentence or two (blank clears it). The skill is created when
     * it does not exist yet, so a seed pack can describe skills before any page uses them. Returns
     * the skill.
     */
    public SkillNames.Skill describe(String skillName, String description) {
        var wanted = SkillNames.of(skillName).orElseThrow(() -> new IllegalArgumentException("skill name is blank"));
        return writes.write(tx -> {
            long seq = ChangeSequence.next(tx);
            var skill = SkillCypher.resolve(tx, List.of(wanted.key())).stream()
                    .findFirst()
                    .orElse(wanted);
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

    public Optional<SkillOverview> overview(String key, int articleLimit, int relatedLimit) {
        return graph.read(tx -> {
            var found = SkillCypher.resolve(tx, List.of(key));
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
            List<SkillOverview.ArticleRef> articles = tx.run("""
                            MATCH (a:Article {status: 'active'})-[:ABOUT]->(:Skill {key: $key})
                            RETURN a.id AS id, a.slug AS slug, a.title AS title, a.updatedAt AS at
                            ORDER BY a.updatedAt DESC LIMIT $limit
                            """, params)
                    .list(r -> new SkillOverview.ArticleRef(
                            r.get("id").asString(),
                            r.get("slug").asString(),
                            r.get("title").asString(),
                            instant(r.get("at"))));
            // Related: skills that share articles or people with this one (co-occurrence).
            List<SkillOverview.Related> related = tx.run("""
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
                    .list(r -> new SkillOverview.Related(
                            r.get("key").asString(),
                            r.get("name").asString(),
                            r.get("together").asInt()));
            return Optional.of(new SkillOverview(skill, description, aliases, articles, related));
        });
    }
}
