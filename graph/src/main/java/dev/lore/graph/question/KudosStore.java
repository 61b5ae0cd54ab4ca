package dev.lore.graph.question;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.strings;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.PersonRef;
import dev.lore.graph.internal.ChangeSequence;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.neo4j.driver.Record;

/**
 * Kudos, and what a person taught others:
 *
 * <pre>
 * (:Person)-[:GAVE]->(:Kudos)-[:TO]->(:Person), (:Kudos)-[:FOR]->(:Article|:Answer)
 * </pre>
 *
 * Giving kudos takes the next change sequence number like every write; no self-kudos is the
 * caller's rule. Thread-safe.
 */
public final class KudosStore {
    private final Graph graph;

    public KudosStore(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
    }

    /** Thanks {@code toId} for an article (by slug) or an answer (by id). */
    public Kudos kudos(String fromId, String toId, String kind, String targetKey, String note, Instant at) {
        String id = UUID.randomUUID().toString();
        String match = switch (kind) {
            case "article" ->
                "MATCH (t:Article {slug: $key, status: 'active'}) WITH t, t.slug AS link, t.title AS title";
            case "answer" ->
                "MATCH (t:Answer {id: $key})-[:ANSWERS]->(q:Question) WHERE NOT coalesce(t.hidden, false)"
                        + " AND NOT coalesce(q.hidden, false) WITH t, q.id AS link, q.title AS title";
            default -> throw new IllegalArgumentException("kind must be article or answer");
        };
        return graph.write(tx -> {
            ChangeSequence.next(tx);
            PersonCheck.require(tx, fromId);
            PersonCheck.require(tx, toId);
            var rows = tx.run(
                            match + """

                            MATCH (from:Person {id: $from}), (to:Person {id: $to})
                            CREATE (from)-[:GAVE]->(k:Kudos {id: $id, kind: $kind, targetKey: link, title: title,
                                note: $note, at: $at})-[:TO]->(to)
                            CREATE (k)-[:FOR]->(t)
                            RETURN link, title, from.name AS fromName, to.name AS toName
                            """,
                            Map.of(
                                    "key", targetKey,
                                    "from", fromId,
                                    "to", toId,
                                    "id", id,
                                    "kind", kind,
                                    "note", note,
                                    "at", datetime(at)))
                    .list();
            if (rows.isEmpty()) {
                throw new NoSuchEntityException(kind, targetKey);
            }
            Record r = rows.getFirst();
            return new Kudos(
                    id,
                    new PersonRef(fromId, r.get("fromName").asString()),
                    new PersonRef(toId, r.get("toName").asString()),
                    kind,
                    r.get("link").asString(),
                    r.get("title").asString(),
                    note,
                    at);
        });
    }

    /** What a person taught others. */
    public Recognition recognition(String personId, int recentKudos) {
        return graph.read(tx -> {
            var r = tx.run("""
                            MATCH (p:Person {id: $id})
                            RETURN COUNT { (p)-[:ANSWERED]->(:Answer {accepted: true}) } AS accepted,
                                   COUNT { (:Kudos)-[:TO]->(p) } AS kudos,
                                   [(p)-[:ANSWERED]->(:Answer {accepted: true})-[:ANSWERS]->(:Question)<-[:ASKED]-(h:Person) | h.id]
                                   + [(p)-[:ANSWERED]->(:Answer)<-[:VOTED]-(h:Person) | h.id]
                                   + [(h:Person)-[:GAVE]->(:Kudos)-[:TO]->(p) | h.id] AS helped
                            """, Map.of("id", personId)).list();
            if (r.isEmpty()) {
                throw new NoSuchEntityException("person", personId);
            }
            var helped = new LinkedHashSet<>(strings(r.getFirst().get("helped")));
            helped.remove(personId);
            List<Kudos> kudos = tx.run("""
                            MATCH (from:Person)-[:GAVE]->(k:Kudos)-[:TO]->(to:Person {id: $id})
                            RETURN k.id AS id, k.kind AS kind, k.targetKey AS targetKey, k.title AS title, k.note AS note,
                                   k.at AS at, from.id AS fromId, from.name AS fromName, to.id AS toId, to.name AS toName
                            ORDER BY k.at DESC LIMIT $limit
                            """, Map.of("id", personId, "limit", recentKudos))
                    .list(k -> new Kudos(
                            k.get("id").asString(),
                            new PersonRef(
                                    k.get("fromId").asString(),
                                    k.get("fromName").asString()),
                            new PersonRef(
                                    k.get("toId").asString(), k.get("toName").asString()),
                            k.get("kind").asString(),
                            k.get("targetKey").asString(),
                            k.get("title").asString(),
                            k.get("note").asString(),
                            instant(k.get("at"))));
            return new Recognition(
                    r.getFirst().get("accepted").asInt(),
                    r.getFirst().get("kudos").asInt(),
                    helped.size(),
                    kudos);
        });
    }
}
