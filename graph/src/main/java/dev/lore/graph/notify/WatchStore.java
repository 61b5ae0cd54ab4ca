package dev.lore.graph.notify;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.Graph;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Who watches what: {@code (:Person)-[:WATCHES {since, auto}]->(target)}, the target being an
 * article, question, skill, learning path or person. Thread-safe.
 */
public final class WatchStore {
    private final Graph graph;

    public WatchStore(Graph graph) {
        this.graph = graph;
    }

    /**
     * Starts watching; a watch that exists stays as it is except that a button press makes it
     * explicit. False when the person or the target does not exist.
     */
    public boolean watch(String personId, Subject subject, boolean auto, Instant at) {
        return graph.write(tx -> tx.run(
                                "MATCH (p:Person {id: $person}) MATCH (t:"
                                        + subject.kind().label() + " {"
                                        + subject.kind().keyProperty() + ": $key})"
                                        + " MERGE (p)-[w:WATCHES]->(t) ON CREATE SET w.since = $at, w.auto = $auto"
                                        + " ON MATCH SET w.auto = w.auto AND $auto RETURN count(w) AS n",
                                Map.of("person", personId, "key", subject.key(), "auto", auto, "at", datetime(at)))
                        .single()
                        .get("n")
                        .asLong())
                > 0;
    }

    /** Stops watching; true when there was a watch. */
    public boolean unwatch(String personId, Subject subject) {
        return graph.write(tx -> tx.run(
                                "MATCH (:Person {id: $person})-[w:WATCHES]->(t:"
                                        + subject.kind().label() + " {"
                                        + subject.kind().keyProperty() + ": $key}) DELETE w RETURN count(*) AS n",
                                Map.of("person", personId, "key", subject.key()))
                        .single()
                        .get("n")
                        .asLong())
                > 0;
    }

    public boolean watches(String personId, Subject subject) {
        return graph.read(tx -> tx.run(
                                "MATCH (:Person {id: $person})-[w:WATCHES]->(t:"
                                        + subject.kind().label() + " {"
                                        + subject.kind().keyProperty() + ": $key}) RETURN count(w) AS n",
                                Map.of("person", personId, "key", subject.key()))
                        .single()
                        .get("n")
                        .asLong())
                > 0;
    }

    /** What a person watches, newest first. */
    public List<Watch> list(String personId) {
        return graph.read(tx -> {
            var all = new java.util.ArrayList<Watch>();
            for (WatchKind kind : WatchKind.values()) {
                all.addAll(tx.run(
                                "MATCH (:Person {id: $person})-[w:WATCHES]->(t:" + kind.label() + ")"
                                        + " RETURN t." + kind.keyProperty() + " AS key,"
                                        + " coalesce(t.title, t.name, t." + kind.keyProperty() + ") AS title,"
                                        + " w.since AS since, w.auto AS auto",
                                Map.of("person", personId))
                        .list(r -> new Watch(
                                kind,
                                r.get("key").asString(),
                                r.get("title").asString(),
                                instant(r.get("since")),
                                r.get("auto").asBoolean(false))));
            }
            all.sort(java.util.Comparator.comparing(Watch::since).reversed());
            return all;
        });
    }

    /** The ids of the people watching {@code subject}; for the events about it. */
    List<String> watchers(org.neo4j.driver.TransactionContext tx, Subject subject) {
        return tx.run(
                        "MATCH (p:Person)-[:WATCHES]->(t:" + subject.kind().label() + " {"
                                + subject.kind().keyProperty() + ": $key}) RETURN p.id AS id",
                        Map.of("key", subject.key()))
                .list(r -> r.get("id").asString());
    }
}
