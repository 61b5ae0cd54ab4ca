package dev.lore.graph.learning;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.optionalString;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.expertise.SkillNames;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.neo4j.driver.Record;

/**
 * Featured collections in the graph:
 * {@code (:Collection {id, title, description, skill?, skillKey?, onHome, createdBy, createdAt, updatedAt})
 * -[:FEATURES {n}]->(:Article)}. Articles are linked as nodes, so a renamed article stays in its
 * collections; a deleted one drops out of what {@link #list} and {@link #find} return. Thread-safe.
 */
public final class CollectionStore {
    private static final String COLUMNS = """
            c.id AS id, c.title AS title, coalesce(c.description, '') AS description, c.skill AS skill, c.onHome AS onHome, c.updatedAt AS updatedAt,
            COLLECT {
              MATCH (c)-[f:FEATURES]->(a:Article {status: 'active'})
              RETURN {slug: a.slug, title: a.title} AS item ORDER BY f.n
            } AS articles
            """;

    private final Graph graph;

    public CollectionStore(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
    }

    /** A collection to save: its articles by slug, in order, all live ({@link #unresolved}). */
    public record CollectionInput(
            String title, String description, Optional<String> skill, boolean onHome, List<String> slugs) {}

    /** The slugs among {@code slugs} that name no live article. */
    public List<String> unresolved(List<String> slugs) {
        return graph.read(tx ->
                tx.run("""
                        UNWIND $slugs AS slug
                        OPTIONAL MATCH (a:Article {slug: slug, status: 'active'})
                        WITH slug, a WHERE a IS NULL
                        RETURN slug
                        """, Map.of("slugs", slugs)).list(r -> r.get("slug").asString()));
    }

    public FeaturedCollection create(CollectionInput input, String byId, Instant at) {
        String id = UUID.randomUUID().toString();
        var params = params(input, at);
        params.put("id", id);
        params.put("by", byId);
        // the answer is read in the write's transaction: this collection as saved, not a later edit
        return graph.inOneTransaction(() -> {
            graph.write(tx -> {
                tx.run("CREATE (:Collection {id: $id, createdBy: $by, createdAt: $at})", params)
                        .consume();
                write(tx, params);
                return null;
            });
            return find(id).orElseThrow();
        });
    }

    /** Replaces a collection's fields and articles. */
    public FeaturedCollection update(String id, CollectionInput input, Instant at) {
        var params = params(input, at);
        params.put("id", id);
        return graph.inOneTransaction(() -> {
            graph.write(tx -> {
                write(tx, params);
                return null;
            });
            return find(id).orElseThrow(() -> new NoSuchEntityException("collection", id));
        });
    }

    private static void write(org.neo4j.driver.TransactionContext tx, Map<String, Object> params) {
        long found = tx.run("""
                        MATCH (c:Collection {id: $id})
                        SET c.title = $title, c.description = $description, c.skill = $skill, c.skillKey = $skillKey, c.onHome = $onHome,
                            c.updatedAt = $at
                        WITH c
                        OPTIONAL MATCH (c)-[old:FEATURES]->()
                        DELETE old
                        RETURN count(DISTINCT c) AS n
                        """, params).single().get("n").asLong();
        if (found == 0) {
            throw new NoSuchEntityException("collection", (String) params.get("id"));
        }
        tx.run("""
                MATCH (c:Collection {id: $id})
                UNWIND range(0, size($slugs) - 1) AS i
                MATCH (a:Article {slug: $slugs[i], status: 'active'})
                MERGE (c)-[f:FEATURES]->(a) ON CREATE SET f.n = i + 1
                """, params).consume();
    }

    private static HashMap<String, Object> params(CollectionInput input, Instant at) {
        var params = new HashMap<String, Object>();
        params.put("title", input.title());
        params.put("description", input.description());
        SkillParams.put(params, input.skill());
        params.put("onHome", input.onHome());
        params.put("slugs", input.slugs());
        params.put("at", datetime(at));
        return params;
    }

    /** Deletes a collection (the articles stay). Returns whether there was one. */
    public boolean delete(String id) {
        return graph.write(tx -> tx.run("""
                        MATCH (c:Collection {id: $id})
                        DETACH DELETE c
                        RETURN count(*) AS n
                        """, Map.of("id", id)).single().get("n").asLong() > 0);
    }

    public Optional<FeaturedCollection> find(String id) {
        return graph
                .read(tx -> tx.run("MATCH (c:Collection {id: $id}) RETURN " + COLUMNS, Map.of("id", id))
                        .list(CollectionStore::collection))
                .stream()
                .findFirst();
    }

    /** The collection with a given title, if one exists (seed packs match on titles). */
    public Optional<String> idByTitle(String title) {
        return graph
                .read(tx -> tx.run(
                                "MATCH (c:Collection {title: $title}) RETURN c.id AS id LIMIT 1",
                                Map.of("title", title))
                        .list(r -> r.get("id").asString()))
                .stream()
                .findFirst();
    }

    /**
     * Collections, most recently updated first: all of them, only those on the home page ({@code
     * onHome}), or only those about a skill ({@code skillKey}, as {@link SkillNames#key}).
     */
    public List<FeaturedCollection> list(boolean onlyOnHome, Optional<String> skillKey) {
        var params = new HashMap<String, Object>();
        params.put("onlyOnHome", onlyOnHome);
        params.put("skillKey", skillKey.orElse(null));
        return graph.read(tx -> tx.run("""
                        MATCH (c:Collection)
                        WHERE (NOT $onlyOnHome OR c.onHome) AND ($skillKey IS NULL OR c.skillKey = $skillKey)
                        WITH c ORDER BY c.updatedAt DESC, c.id
                        RETURN\s""" + COLUMNS, params).list(CollectionStore::collection));
    }

    private static FeaturedCollection collection(Record r) {
        return new FeaturedCollection(
                r.get("id").asString(),
                r.get("title").asString(),
                r.get("description").asString(),
                optionalString(r.get("skill")),
                r.get("onHome").asBoolean(false),
                r.get("articles")
                        .asList(v -> new FeaturedCollection.Featured(
                                v.get("slug").asString(), v.get("title").asString())),
                instant(r.get("updatedAt")));
    }
}
