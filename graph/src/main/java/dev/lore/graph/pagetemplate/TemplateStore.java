package dev.lore.graph.pagetemplate;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.Graph;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Page templates champions edited, one {@code (:PageTemplate {name})} each; a template nobody
 * edited is not stored (the bundled default applies). Thread-safe.
 */
public final class TemplateStore {
    private final Graph graph;

    public TemplateStore(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
    }

    /** A champion's version of a template. */
    public record Stored(String name, String markdown, String updatedBy, Instant updatedAt) {}

    public Optional<Stored> find(String name) {
        return graph.read(tx -> tx
                .run("""
                        MATCH (t:PageTemplate {name: $name})
                        RETURN t.name AS name, t.markdown AS markdown, t.updatedBy AS by, t.updatedAt AS at
                        """, Map.of("name", name))
                .list(r -> new Stored(
                        r.get("name").asString(),
                        r.get("markdown").asString(),
                        r.get("by").asString(),
                        instant(r.get("at"))))
                .stream()
                .findFirst());
    }

    public List<Stored> all() {
        return graph.read(tx -> tx.run("""
                        MATCH (t:PageTemplate)
                        RETURN t.name AS name, t.markdown AS markdown, t.updatedBy AS by, t.updatedAt AS at
                        ORDER BY t.name
                        """)
                .list(r -> new Stored(
                        r.get("name").asString(),
                        r.get("markdown").asString(),
                        r.get("by").asString(),
                        instant(r.get("at")))));
    }

    public void save(String name, String markdown, String byPersonId, Instant at) {
        graph.write(tx -> tx.run("""
                        MERGE (t:PageTemplate {name: $name})
                        SET t.markdown = $markdown, t.updatedBy = $by, t.updatedAt = $at
                        """, Map.of("name", name, "markdown", markdown, "by", byPersonId, "at", datetime(at)))
                .consume());
    }

    /** Forgets a champion's version, so the bundled default applies again; false when there was none. */
    public boolean reset(String name) {
        return graph.write(
                tx -> tx.run("MATCH (t:PageTemplate {name: $name}) DELETE t RETURN count(t) AS n", Map.of("name", name))
                                .single()
                                .get("n")
                                .asLong()
                        > 0);
    }
}
