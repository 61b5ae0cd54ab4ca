package dev.lore.graph.article;

import dev.lore.graph.article.ArticleStore.IndexedSkill;
import dev.lore.graph.expertise.SkillCypher;
import dev.lore.graph.expertise.SkillNames;
import dev.lore.graph.internal.ChangeSequence;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.TransactionContext;

/**
 * The skills articles are {@code ABOUT}: set on each save (a skill alias leads to the skill it
 * names), and read back as the search index sees a skill. Used inside {@link ArticleStore}'s
 * transactions.
 */
final class ArticleSkills {
    private ArticleSkills() {}

    /** The skills of one saved article, for {@link #about}. */
    static Map<String, Object> row(String id, ArticleWrite write) {
        return Map.of("id", id, "skills", SkillNames.params(write.skills()));
    }

    /**
     * Links each article in {@code rows} to its skills, creating the ones that do not exist yet; each
     * skill takes {@code seq}, as its article count changes. A capitalised name replaces an
     * all-lowercase one. A row holds at least the article's {@code id} and its {@code skills} as
     * {@link SkillNames#params} gives them, as {@link #row} makes.
     */
    static void about(TransactionContext tx, List<Map<String, Object>> rows, long seq) {
        tx.run("""
                        UNWIND $rows AS row
                        MATCH (a:Article {id: row.id})
                        UNWIND row.skills AS skill
                        """ + SkillCypher.MERGE + """
                        SET s.seq = $seq
                        MERGE (a)-[:ABOUT]->(s)
                        """, Map.of("rows", rows, "seq", seq, "newSkillSeq", seq))
                .consume();
    }

    /** See {@link ArticleStore#skillChangesSince}. */
    static List<IndexedSkill> changesSince(TransactionContext tx, long sinceSeq, int limit) {
        List<String> keys = ChangeSequence.keysChangedSince(tx, "Skill", "key", sinceSeq, limit);
        return tx
                .run("""
                        UNWIND $keys AS k MATCH (s:Skill {key: k})
                        RETURN s.key AS key, s.name AS name, s.seq AS seq,
                               COUNT { (s)<-[:ABOUT]-(:Article {status: 'active'}) } AS articles,
                               [(s)<-[:ABOUT]-(:Article {status: 'active'})<-[:CONTRIBUTED]-(p:Person) | p.name] AS names
                        """, Map.of("keys", keys))
                .list(r -> new IndexedSkill(
                        r.get("key").asString(),
                        r.get("name").asString(),
                        r.get("articles").asLong(),
                        topByFrequency(r.get("names").asList(v -> v.asString()), 3),
                        r.get("seq").asLong()))
                .stream()
                .sorted(Comparator.comparingLong(IndexedSkill::seq))
                .toList();
    }

    private static List<String> topByFrequency(List<String> names, int n) {
        var counts = new LinkedHashMap<String, Long>();
        names.forEach(name -> counts.merge(name, 1L, Long::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey())) // ties by name, not by graph order
                .limit(n)
                .map(Map.Entry::getKey)
                .toList();
    }
}
