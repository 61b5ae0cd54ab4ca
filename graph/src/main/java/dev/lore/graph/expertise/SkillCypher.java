package dev.lore.graph.expertise;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.TransactionContext;

/**
 * The Cypher every store runs to turn a skill name into the stored skill: through a champion's
 * alias to the skill it names, creating the skill when it is new. Used inside the stores'
 * transactions.
 */
public final class SkillCypher {
    private SkillCypher() {}

    /**
     * For a map {@code skill} in scope ({@code {key, name}}, as {@link SkillNames#params} gives),
     * the stored skill {@code s} it stands for, created when new: the alias's skill when {@code
     * skill.key} is an alias. A capitalised name replaces an all-lowercase one. A new skill takes
     * {@code $newSkillSeq} (null for none).
     */
    public static final String MERGE = """
            CALL (skill) {
              OPTIONAL MATCH (:SkillAlias {key: skill.key})-[:ALIAS_OF]->(target:Skill)
              WITH skill, coalesce(target.key, skill.key) AS key
              MERGE (s:Skill {key: key}) ON CREATE SET s.name = skill.name, s.seq = $newSkillSeq
                ON MATCH SET s.name = CASE WHEN s.name = toLower(s.name) AND skill.name <> toLower(skill.name)
                  THEN skill.name ELSE s.name END
              RETURN s
            }
            """;

    /**
     * For a key {@code k} in scope, the key {@code key} it stands for: the alias's skill when
     * {@code k} is an alias, else {@code k} itself (stored or not).
     */
    public static final String RESOLVE = """
            CALL (k) {
              OPTIONAL MATCH (:SkillAlias {key: k})-[:ALIAS_OF]->(t:Skill)
              RETURN coalesce(t.key, k) AS key
            }
            """;

    /** Creates the skill if new (following aliases) and returns its stored key; a new skill takes {@code seq}. */
    static String merge(TransactionContext tx, SkillNames.Skill skill, long seq) {
        var params = new HashMap<String, Object>();
        params.put("skill", Map.of("key", skill.key(), "name", skill.name()));
        params.put("newSkillSeq", seq);
        return tx.run("WITH $skill AS skill " + MERGE + " RETURN s.key AS key", params)
                .single()
                .get("key")
                .asString();
    }

    /** Stored skills for keys (following aliases); unknown keys are left out. */
    static List<SkillNames.Skill> resolve(TransactionContext tx, List<String> keys) {
        return tx.run("UNWIND $keys AS k " + RESOLVE + """
                        MATCH (s:Skill {key: key})
                        RETURN DISTINCT s.key AS key, s.name AS name
                        """, Map.of("keys", keys))
                .list(r -> new SkillNames.Skill(
                        r.get("key").asString(), r.get("name").asString()));
    }

    /** The key {@code key} stands for through an alias, or {@code key} itself. */
    public static String resolveKey(TransactionContext tx, String key) {
        return tx.run("WITH $key AS k " + RESOLVE + " RETURN key", Map.of("key", key))
                .single()
                .get("key")
                .asString();
    }
}
