package dev.lore.graph.taught;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.optionalString;
import static dev.lore.graph.internal.Values.strings;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.PersonRef;
import dev.lore.graph.internal.ChangeSequence;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * "This taught me something" on articles and answers, one per person and target:
 *
 * <pre>
 * (:Person)-[:TAUGHT {at, note}]->(:Article)   (:Person)-[:VOTED {at, note}]->(:Answer)
 * </pre>
 *
 * An answer's mark is the helpful vote answers always had (the same edge, now with an optional
 * note), so the order of answers, recognition and impact keep counting it. Each write takes the
 * next change sequence number and stamps it on the article or on the answer's question, so the
 * search index sees the new count. Hidden or deleted content cannot be marked. Who may mark what is
 * the caller's rule ({@link #subject} says who wrote it). Thread-safe.
 */
public final class TaughtStore {
    private final Graph graph;

    public TaughtStore(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
    }

    /** The live target, matched as {@code t}, with {@code stamp} the node that carries its change sequence. */
    private static String match(Target.Kind kind) {
        return switch (kind) {
            case ARTICLE -> "MATCH (t:Article {slug: $key, status: 'active'}) WITH t, t AS stamp";
            case ANSWER ->
                "MATCH (t:Answer {id: $key})-[:ANSWERS]->(q:Question)"
                        + " WHERE NOT coalesce(t.hidden, false) AND NOT coalesce(q.hidden, false) WITH t, q AS stamp";
        };
    }

    private static String edge(Target.Kind kind) {
        return kind == Target.Kind.ARTICLE ? "TAUGHT" : "VOTED";
    }

    /** The target with who wrote it; empty when it does not exist or is hidden or deleted. */
    public Optional<Subject> subject(Target target) {
        String query = switch (target.kind()) {
            case ARTICLE -> """
                    MATCH (t:Article {slug: $key, status: 'active'})
                    RETURN t.id AS id, t.title AS title, '/wiki/' + t.slug AS url,
                           [(p:Person)-[c:CONTRIBUTED]->(t) WHERE coalesce(c.share, 0.0) > 0 | p.id] AS authors,
                           [(p:Person)-[:CONTRIBUTED]->(t) | p.id] AS contributors
                    """;
            case ANSWER -> match(Target.Kind.ANSWER) + """

                    MATCH (p:Person)-[:ANSWERED]->(t)
                    RETURN t.id AS id, stamp.title AS title, '/questions/' + stamp.id + '#answer-' + t.id AS url,
                           [p.id] AS authors, [p.id] AS contributors
                    """;
        };
        return graph.read(tx -> tx.run(query, Map.of("key", target.key())).list().stream()
                .findFirst()
                .map(r -> new Subject(
                        target,
                        r.get("id").asString(),
                        r.get("title").asString(),
                        r.get("url").asString(),
                        strings(r.get("authors")),
                        new HashSet<>(strings(r.get("contributors"))))));
    }

    /**
     * Records that {@code personId} learned from the target, with an optional note, and returns how
     * many marks it has with this one. Returns empty, and changes nothing, when they already had.
     *
     * @throws NoSuchEntityException when the target or the person does not exist
     */
    public Optional<Integer> mark(Target target, String personId, Optional<String> note, Instant at) {
        String rel = edge(target.kind());
        return graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            var rows = tx.run(
                            match(target.kind()) + """

                            MATCH (p:Person {id: $person})
                            OPTIONAL MATCH (p)-[m:%s]->(t)
                            RETURN m IS NOT NULL AS marked
                            """.formatted(rel), Map.of("key", target.key(), "person", personId))
                    .list();
            if (rows.isEmpty()) {
                throw missing(tx, target, personId);
            }
            if (rows.getFirst().get("marked").asBoolean()) {
                return Optional.<Integer>empty();
            }
            var params = new HashMap<String, Object>();
            params.put("key", target.key());
            params.put("person", personId);
            params.put("at", datetime(at));
            params.put("note", note.orElse(null));
            params.put("seq", seq);
            return Optional.of(tx.run(match(target.kind()) + """

                            MATCH (p:Person {id: $person})
                            CREATE (p)-[:%s {at: $at, note: $note}]->(t)
                            SET stamp.seq = $seq
                            RETURN COUNT { (:Person)-[:%s]->(t) } AS marks
                            """.formatted(rel, rel), params)
                    .single()
                    .get("marks")
                    .asInt());
        });
    }

    /**
     * Takes back {@code personId}'s mark and returns how many marks are left; empty, and nothing
     * changed, when they had none.
     *
     * @throws NoSuchEntityException when the target does not exist
     */
    public Optional<Integer> unmark(Target target, String personId) {
        String rel = edge(target.kind());
        return graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            var rows = tx.run(
                            match(target.kind()) + """

                            OPTIONAL MATCH (:Person {id: $person})-[m:%s]->(t)
                            WITH t, stamp, m, m IS NOT NULL AS had
                            DELETE m
                            FOREACH (_ IN CASE WHEN had THEN [1] ELSE [] END | SET stamp.seq = $seq)
                            RETURN had, COUNT { (:Person)-[:%s]->(t) } AS marks
                            """.formatted(rel, rel),
                            Map.of("key", target.key(), "person", personId, "seq", seq))
                    .list();
            if (rows.isEmpty()) {
                throw new NoSuchEntityException(target.kind().id(), target.key());
            }
            Record r = rows.getFirst();
            return r.get("had").asBoolean() ? Optional.of(r.get("marks").asInt()) : Optional.<Integer>empty();
        });
    }

    /**
     * Everyone's marks on the target, newest first.
     *
     * @throws NoSuchEntityException when the target does not exist
     */
    public List<TaughtNote> notes(Target target) {
        String rel = edge(target.kind());
        return graph.read(tx -> {
            var rows = tx.run(match(target.kind()) + """

                            RETURN COLLECT { MATCH (p:Person)-[m:%s]->(t)
                                             RETURN {id: p.id, name: p.name, note: m.note, at: m.at}
                                             ORDER BY m.at DESC, p.id } AS marks
                            """.formatted(rel), Map.of("key", target.key()))
                    .list();
            if (rows.isEmpty()) {
                throw new NoSuchEntityException(target.kind().id(), target.key());
            }
            return rows.getFirst()
                    .get("marks")
                    .asList(m -> new TaughtNote(
                            new PersonRef(m.get("id").asString(), m.get("name").asString()),
                            optionalString(m.get("note")),
                            instant(m.get("at"))));
        });
    }

    /** What people learned from {@code personId}'s pages (where their text lasts) and answers. */
    public LearnedFrom learnedFrom(String personId, int notes) {
        return graph.read(tx -> {
            var rows = tx.run("""
                            MATCH (p:Person {id: $id})
                            OPTIONAL CALL (p) {
                              MATCH (p)-[c:CONTRIBUTED]->(t:Article {status: 'active'})<-[m:TAUGHT]-(h:Person)
                              WHERE coalesce(c.share, 0.0) > 0 AND h <> p
                              RETURN h, m, 'ARTICLE' AS kind, t.title AS title, '/wiki/' + t.slug AS url
                              UNION ALL
                              MATCH (p)-[:ANSWERED]->(t:Answer)-[:ANSWERS]->(q:Question), (h:Person)-[m:VOTED]->(t)
                              WHERE NOT coalesce(t.hidden, false) AND NOT coalesce(q.hidden, false)
                              RETURN h, m, 'ANSWER' AS kind, q.title AS title,
                                     '/questions/' + q.id + '#answer-' + t.id AS url
                            }
                            WITH h, m, kind, title, url ORDER BY m.at DESC, h.id
                            RETURN count(m) AS marks, count(DISTINCT h) AS people,
                                   collect(CASE WHEN m.note IS NOT NULL THEN {id: h.id, name: h.name, kind: kind,
                                           title: title, url: url, note: m.note, at: m.at} END)[..$limit] AS notes
                            """, Map.of("id", personId, "limit", notes)).list();
            if (rows.isEmpty()) {
                throw new NoSuchEntityException("person", personId);
            }
            Record r = rows.getFirst();
            return new LearnedFrom(
                    r.get("marks").asInt(),
                    r.get("people").asInt(),
                    r.get("notes")
                            .asList(n -> new Learned(
                                    new PersonRef(
                                            n.get("id").asString(),
                                            n.get("name").asString()),
                                    Target.Kind.valueOf(n.get("kind").asString()),
                                    n.get("title").asString(),
                                    n.get("url").asString(),
                                    optionalString(n.get("note")),
                                    instant(n.get("at")))));
        });
    }

    private static RuntimeException missing(TransactionContext tx, Target target, String personId) {
        boolean person = tx.run("MATCH (p:Person {id: $id}) RETURN count(p) > 0 AS exists", Map.of("id", personId))
                .single()
                .get("exists")
                .asBoolean();
        return person
                ? new NoSuchEntityException(target.kind().id(), target.key())
                : new NoSuchEntityException("person", personId);
    }

    /** How many people marked each of these articles (articles nobody marked are left out). */
    public Map<String, Integer> articleMarks(java.util.Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        var out = new HashMap<String, Integer>();
        graph.read(tx -> tx.run("""
                        UNWIND $ids AS aid
                        MATCH (:Person)-[:TAUGHT]->(a:Article {id: aid})
                        RETURN aid, count(*) AS n
                        """, Map.of("ids", List.copyOf(articleIds))).list())
                .forEach(r -> out.put(r.get("aid").asString(), r.get("n").asInt()));
        return out;
    }
}
