package dev.lore.graph.search;

import dev.lore.graph.Graph;
import java.util.List;
import java.util.Map;

/**
 * Finds people and skills that a search names, for the cards above the hits. Matching is on whole
 * lowercase words of names (and skill names), so "kafka" finds the Kafka skill and "ana" finds Ana
 * Silva. Thread-safe.
 */
public final class DirectoryStore {
    private final Graph graph;

    public DirectoryStore(Graph graph) {
        this.graph = graph;
    }

    /** A person card: who, where, and their top declared skills. */
    public record PersonCard(String id, String name, String team, String title, List<String> topSkills) {}

    /** A skill card: how many live articles are about it and who wrote most of them. */
    public record SkillCard(String name, long articles, List<String> topContributors) {}

    /** Cards for the people with these ids (found by the index) ranked by how many words name them. */
    public List<PersonCard> people(List<String> ids, List<String> words, int limit) {
        if (ids.isEmpty() || words.isEmpty()) {
            return List.of();
        }
        return graph.read(tx -> tx.run("""
                        UNWIND $ids AS pid
                        MATCH (p:Person {id: pid}) WHERE coalesce(p.active, true) AND p.id <> 'admin'
                        WITH p, [w IN split(toLower(p.name), ' ') WHERE w IN $words] AS hits
                        WHERE size(hits) > 0 OR toLower(p.id) IN $words
                        RETURN p.id AS id, p.name AS name, coalesce(p.team, '') AS team, coalesce(p.title, '') AS title,
                               [(p)-[h:HAS_SKILL]->(s:Skill) | s.name][0..3] AS skills, size(hits) AS score
                        ORDER BY score DESC, name LIMIT $limit
                        """, Map.of("ids", ids, "words", words, "limit", limit))
                .list(r -> new PersonCard(
                        r.get("id").asString(),
                        r.get("name").asString(),
                        r.get("team").asString(),
                        r.get("title").asString(),
                        r.get("skills").asList(v -> v.asString()))));
    }

    /** Cards for the skills with these keys (found by the index), most articles first. */
    public List<SkillCard> skills(List<String> keys, int limit) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return graph.read(tx -> tx.run("""
                        UNWIND $keys AS k MATCH (s:Skill {key: k})
                        OPTIONAL MATCH (s)<-[:ABOUT]-(a:Article {status: 'active'})
                        WITH s, count(a) AS articles
                        OPTIONAL MATCH (s)<-[:ABOUT]-(:Article {status: 'active'})<-[c:CONTRIBUTED]-(p:Person)
                        WITH s, articles, p, sum(c.edits) AS edits ORDER BY edits DESC, p.name, p.id
                        WITH s, articles, [x IN collect(p.name) WHERE x IS NOT NULL][0..3] AS top
                        RETURN s.name AS name, articles, top ORDER BY articles DESC, name LIMIT $limit
                        """, Map.of("keys", keys, "limit", limit))
                .list(r -> new SkillCard(
                        r.get("name").asString(),
                        r.get("articles").asLong(),
                        r.get("top").asList(v -> v.asString()))));
    }
}
