package dev.lore.graph.lesson;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.optionalString;

import dev.lore.graph.Graph;
import dev.lore.graph.internal.ChangeSequence;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.neo4j.driver.Record;

/**
 * Lessons learned in the graph: who shared a lesson and how, the team voices that stand in for
 * authors of team-shared lessons, champion review, and "this would have saved me time" marks.
 *
 * <p>A team-shared lesson is written, in the graph, by its team's voice: a {@code Person} with
 * {@code voice: true} and no way to sign in. Every page, feed, index and evidence that names
 * authors therefore names the team without knowing lessons exist. The real author is kept on one
 * relationship, {@code (:Person)-[:SHARED_LESSON]->(:Article)}, read only here. Thread-safe.
 */
public final class LessonStore {
    private static final String INFO_COLUMNS = """
            a.id AS id, a.slug AS slug, a.title AS title, coalesce(s.sharing, 'attributed') AS sharing,
            p.id AS authorId, s.voice AS voice, s.sharedAs AS sharedAs, coalesce(a.review, 'none') AS review,
            a.reviewedBy AS reviewedBy, a.incident AS incident, s.at AS at,
            COUNT { (:Person)-[:SAVED_TIME]->(a) } AS savedTime
            """;

    private final Graph graph;

    public LessonStore(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
    }

    /**
     * The voice of {@code team} (or of no team: "shared anonymously"), created on first use. A voice
     * has no email or password and is not listed among people.
     */
    public String voiceFor(Optional<String> team, Instant at) {
        String key = team.map(t -> t.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"))
                .map(t -> t.replaceAll("^-+|-+$", ""))
                .filter(t -> !t.isEmpty())
                .orElse("anonymous");
        String id = "team-voice-" + key;
        String name =
                team.filter(t -> !key.equals("anonymous")).map(t -> t + " team").orElse("Shared anonymously");
        var params = new HashMap<String, Object>();
        params.put("id", id);
        params.put("name", name);
        params.put("team", team.orElse(""));
        params.put("at", datetime(at));
        graph.write(tx -> tx.run("""
                        MERGE (p:Person {id: $id})
                          ON CREATE SET p.name = $name, p.team = $team, p.title = 'Lessons shared by the team',
                            p.role = 'reader', p.active = true, p.voice = true, p.joinedAt = $at
                        """, params).consume());
        return id;
    }

    /**
     * Records that {@code authorId} shared the lesson {@code articleId}; with {@code review} it waits
     * for a champion and no reader sees it until one approves.
     */
    public void shared(
            String articleId,
            String authorId,
            Sharing sharing,
            Optional<String> voiceId,
            Optional<String> sharedAs,
            boolean review,
            Optional<String> incident,
            Instant at) {
        graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            var params = new HashMap<String, Object>();
            params.put("id", articleId);
            params.put("author", authorId);
            params.put("sharing", sharing.id());
            params.put("voice", voiceId.orElse(null));
            params.put("sharedAs", sharedAs.orElse(null));
            params.put("review", review ? "pending" : null);
            params.put("incident", incident.orElse(null));
            params.put("at", datetime(at));
            params.put("seq", seq);
            tx.run("""
                            MATCH (a:Article {id: $id}), (p:Person {id: $author})
                            MERGE (p)-[s:SHARED_LESSON]->(a)
                            SET s.sharing = $sharing, s.voice = $voice, s.sharedAs = $sharedAs, s.at = $at,
                                a.review = $review, a.incident = $incident, a.seq = $seq,
                                a.status = CASE WHEN $review IS NULL THEN a.status ELSE 'review' END
                            """, params).consume();
            return null;
        });
    }

    /** The lesson at {@code slug} as it was shared, if it is a lesson someone shared. */
    public Optional<LessonInfo> find(String slug) {
        return graph.read(tx -> tx
                .run(
                        "MATCH (p:Person)-[s:SHARED_LESSON]->(a:Article {slug: $slug}) RETURN " + INFO_COLUMNS,
                        Map.of("slug", slug))
                .list(LessonStore::toInfo)
                .stream()
                .findFirst());
    }

    /** The lesson with this article id, if shared through the lessons flow. */
    public Optional<LessonInfo> findById(String articleId) {
        return graph.read(tx -> tx
                .run(
                        "MATCH (p:Person)-[s:SHARED_LESSON]->(a:Article {id: $id}) RETURN " + INFO_COLUMNS,
                        Map.of("id", articleId))
                .list(LessonStore::toInfo)
                .stream()
                .findFirst());
    }

    /** Lessons {@code personId} shared (for their own eyes: team-shared ones included), newest first. */
    public List<LessonInfo> sharedBy(String personId) {
        return graph.read(tx -> tx.run("""
                        MATCH (p:Person {id: $id})-[s:SHARED_LESSON]->(a:Article)
                        WHERE a.status IN ['active', 'review']
                        RETURN
                        """ + INFO_COLUMNS + " ORDER BY s.at DESC", Map.of("id", personId))
                .list(LessonStore::toInfo));
    }

    /** A published lesson in a list. */
    public record Listed(String slug, String title, long savedTime) {}

    /**
     * Published lessons about a skill (any page of kind lesson, shared through the lessons flow or
     * imported), most marked "would have saved me time" first, then newest.
     */
    public List<Listed> about(String skillName, int limit) {
        return graph.read(tx -> tx.run(
                        """
                        MATCH (a:Article {status: 'active', kind: 'lesson'})-[:ABOUT]->(:Skill {key: $key})
                        WITH a, COUNT { (:Person)-[:SAVED_TIME]->(a) } AS saved
                        RETURN a.slug AS slug, a.title AS title, saved
                        ORDER BY saved DESC, a.createdAt DESC, a.slug LIMIT $limit
                        """, Map.of("key", dev.lore.graph.expertise.SkillNames.key(skillName), "limit", limit))
                .list(r -> new Listed(
                        r.get("slug").asString(),
                        r.get("title").asString(),
                        r.get("saved").asLong())));
    }

    /** Lessons waiting for a champion's review, oldest first. */
    public List<LessonInfo> pending() {
        return graph.read(
                tx -> tx.run("""
                        MATCH (p:Person)-[s:SHARED_LESSON]->(a:Article {status: 'review'})
                        RETURN
                        """ + INFO_COLUMNS + " ORDER BY s.at", Map.of()).list(LessonStore::toInfo));
    }

    /** Publishes a lesson that waited for review; false when it was not waiting. */
    public boolean approve(String articleId, String championId, Instant at) {
        return graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            return tx.run("""
                            MATCH (a:Article {id: $id, status: 'review'})
                            SET a.status = 'active', a.review = 'approved', a.reviewedBy = $by, a.reviewedAt = $at,
                                a.seq = $seq
                            WITH a
                            OPTIONAL MATCH (a)-[:ABOUT]->(s:Skill)
                            SET s.seq = $seq
                            RETURN count(DISTINCT a) AS n
                            """, Map.of("id", articleId, "by", championId, "at", datetime(at), "seq", seq))
                            .single()
                            .get("n")
                            .asLong()
                    > 0;
        });
    }

    /** Marks (or with {@code on} false, unmarks) that a lesson would have saved {@code personId} time. */
    public long savedTime(String articleId, String personId, boolean on, Instant at) {
        return graph.write(tx -> {
            if (on) {
                tx.run("""
                                MATCH (a:Article {id: $id}), (p:Person {id: $person})
                                MERGE (p)-[m:SAVED_TIME]->(a) ON CREATE SET m.at = $at
                                """, Map.of("id", articleId, "person", personId, "at", datetime(at)))
                        .consume();
            } else {
                tx.run(
                                "MATCH (:Person {id: $person})-[m:SAVED_TIME]->(:Article {id: $id}) DELETE m",
                                Map.of("id", articleId, "person", personId))
                        .consume();
            }
            return tx.run(
                            "MATCH (:Person)-[m:SAVED_TIME]->(:Article {id: $id}) RETURN count(m) AS n",
                            Map.of("id", articleId))
                    .single()
                    .get("n")
                    .asLong();
        });
    }

    /** How many readers marked the article as one that would have saved them time, and whether {@code personId} did. */
    public SavedTime savedTime(String articleId, Optional<String> personId) {
        return graph.read(tx -> {
            Record r = tx.run("""
                            MATCH (a:Article {id: $id})
                            RETURN COUNT { (:Person)-[:SAVED_TIME]->(a) } AS n,
                                   EXISTS { (:Person {id: $person})-[:SAVED_TIME]->(a) } AS mine
                            """, Map.of("id", articleId, "person", personId.orElse("")))
                    .single();
            return new SavedTime(r.get("n").asLong(), r.get("mine").asBoolean());
        });
    }

    /** A "would have saved me time" count and whether the reader is among them. */
    public record SavedTime(long count, boolean mine) {}

    private static LessonInfo toInfo(Record r) {
        return new LessonInfo(
                r.get("id").asString(),
                r.get("slug").asString(),
                r.get("title").asString(),
                Sharing.of(r.get("sharing").asString()).orElse(Sharing.ATTRIBUTED),
                r.get("authorId").asString(),
                optionalString(r.get("voice")),
                optionalString(r.get("sharedAs")),
                r.get("review").asString(),
                optionalString(r.get("reviewedBy")),
                optionalString(r.get("incident")),
                instant(r.get("at")),
                r.get("savedTime").asLong());
    }
}
