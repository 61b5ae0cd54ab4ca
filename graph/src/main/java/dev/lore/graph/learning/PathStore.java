package dev.lore.graph.learning;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.optionalString;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.PersonRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * Learning paths and learners' progress in the graph:
 *
 * <pre>
 * (:Path {id, title, description, level, skill?, skillKey?, createdBy, createdAt, updatedAt})
 *   -[:HAS_STEP]->(:PathStep {id, n, prompt?})-[:OF]->(:Article|:Question)
 * (:Person)-[:FOLLOWS {since}]->(:Path)
 * (:Person)-[:DONE {at, reflection?, shared}]->(:PathStep)
 * </pre>
 *
 * A step is a node so progress hangs on the step, not on the article: the same article may be in
 * two paths, and progress survives the article's rename. Replacing a path's steps keeps the step
 * (and everyone's progress on it) whose target stays in the path. Marking a step done follows the
 * path. Paths are not searched, so writes take no change sequence number. Who may build paths and
 * who sees which reflection are the caller's rules. Thread-safe.
 */
public final class PathStore {
    private static final String TARGET_KIND = "CASE WHEN t:Article THEN 'article' ELSE 'question' END";
    private static final String TARGET_REF = "CASE WHEN t:Article THEN t.slug ELSE t.id END";

    private final Graph graph;

    public PathStore(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
    }

    /** A path to save; its steps must all resolve ({@link #unresolved}). */
    public record PathInput(
            String title, String description, String level, Optional<String> skill, List<StepInput> steps) {}

    /** The 1-based numbers of the steps whose article (live, by slug) or question does not exist. */
    public List<Integer> unresolved(List<StepInput> steps) {
        return graph.read(tx -> {
            var missing = new ArrayList<Integer>();
            for (int i = 0; i < steps.size(); i++) {
                if (target(tx, steps.get(i)).isEmpty()) {
                    missing.add(i + 1);
                }
            }
            return missing;
        });
    }

    /** Saves a new path built by {@code byId}. */
    public LearningPath create(PathInput input, String byId, Instant at) {
        String id = UUID.randomUUID().toString();
        // the answer is read in the write's transaction: this path as saved, not a later edit
        return graph.inOneTransaction(() -> {
            insert(id, input, byId, at);
            return find(id).orElseThrow();
        });
    }

    private void insert(String id, PathInput input, String byId, Instant at) {
        graph.write(tx -> {
            var params = fields(input, at);
            params.put("id", id);
            params.put("by", byId);
            tx.run("""
                    CREATE (p:Path {id: $id, createdBy: $by, createdAt: $at})
                    SET p.title = $title, p.description = $description, p.level = $level,
                        p.skill = $skill, p.skillKey = $skillKey, p.updatedAt = $at
                    """, params).consume();
            writeSteps(tx, id, input.steps());
            return null;
        });
    }

    /** Replaces a path's fields and steps; steps whose target stays keep their progress. */
    public LearningPath update(String id, PathInput input, Instant at) {
        return graph.inOneTransaction(() -> {
            replace(id, input, at);
            return find(id).orElseThrow();
        });
    }

    private void replace(String id, PathInput input, Instant at) {
        graph.write(tx -> {
            var params = fields(input, at);
            params.put("id", id);
            long found = tx.run("""
                            MATCH (p:Path {id: $id})
                            SET p.title = $title, p.description = $description, p.level = $level,
                                p.skill = $skill, p.skillKey = $skillKey, p.updatedAt = $at
                            RETURN count(p) AS n
                            """, params).single().get("n").asLong();
            if (found == 0) {
                throw new NoSuchEntityException("path", id);
            }
            writeSteps(tx, id, input.steps());
            return null;
        });
    }

    private static HashMap<String, Object> fields(PathInput input, Instant at) {
        var params = new HashMap<String, Object>();
        params.put("title", input.title());
        params.put("description", input.description());
        params.put("level", input.level());
        SkillParams.put(params, input.skill());
        params.put("at", datetime(at));
        return params;
    }

    /** Makes the path's steps exactly {@code steps}, reusing the step node of a target still there. */
    private static void writeSteps(TransactionContext tx, String pathId, List<StepInput> steps) {
        var existing = new HashMap<String, String>(); // kind:ref -> step id
        tx.run(
                        "MATCH (:Path {id: $id})-[:HAS_STEP]->(st:PathStep)-[:OF]->(t) RETURN st.id AS id, "
                                + TARGET_KIND + " AS kind, " + TARGET_REF + " AS ref",
                        Map.of("id", pathId))
                .list()
                .forEach(r -> existing.put(
                        r.get("kind").asString() + ":" + r.get("ref").asString(),
                        r.get("id").asString()));
        var kept = new ArrayList<String>();
        for (int i = 0; i < steps.size(); i++) {
            StepInput step = steps.get(i);
            var params = new HashMap<String, Object>();
            params.put("path", pathId);
            params.put("n", i + 1);
            params.put("prompt", step.prompt().orElse(null));
            String reuse = existing.remove(step.kind() + ":" + step.ref());
            if (reuse != null) {
                params.put("step", reuse);
                tx.run("MATCH (st:PathStep {id: $step}) SET st.n = $n, st.prompt = $prompt", params)
                        .consume();
                kept.add(reuse);
                continue;
            }
            String elementId = target(tx, step).orElseThrow(() -> new NoSuchEntityException(step.kind(), step.ref()));
            params.put("step", UUID.randomUUID().toString());
            params.put("target", elementId);
            tx.run("""
                    MATCH (p:Path {id: $path}), (t) WHERE elementId(t) = $target
                    CREATE (p)-[:HAS_STEP]->(:PathStep {id: $step, n: $n, prompt: $prompt})-[:OF]->(t)
                    """, params).consume();
        }
        if (!existing.isEmpty()) {
            tx.run(
                            "MATCH (st:PathStep) WHERE st.id IN $ids DETACH DELETE st",
                            Map.of("ids", List.copyOf(existing.values())))
                    .consume();
        }
    }

    /** The element id of a step's target, if it exists (articles: live ones only). */
    private static Optional<String> target(TransactionContext tx, StepInput step) {
        String query = switch (step.kind()) {
            case StepInput.ARTICLE -> "MATCH (t:Article {slug: $ref, status: 'active'}) RETURN elementId(t) AS e";
            case StepInput.QUESTION -> "MATCH (t:Question {id: $ref}) RETURN elementId(t) AS e";
            default -> throw new IllegalArgumentException("step kind must be article or question, was " + step.kind());
        };
        return tx.run(query, Map.of("ref", step.ref())).list().stream()
                .findFirst()
                .map(r -> r.get("e").asString());
    }

    /** A path with its steps and the reflections shared on them. */
    public Optional<LearningPath> find(String id) {
        return graph.read(tx -> {
            var rows = tx.run("""
                            MATCH (p:Path {id: $id})
                            OPTIONAL MATCH (by:Person {id: p.createdBy})
                            RETURN p.id AS id, p.title AS title, p.description AS description, p.level AS level,
                                   p.skill AS skill, p.createdBy AS byId, by.name AS byName,
                                   p.createdAt AS createdAt, p.updatedAt AS updatedAt
                            """, Map.of("id", id)).list();
            if (rows.isEmpty()) {
                return Optional.<LearningPath>empty();
            }
            Record r = rows.getFirst();
            List<PathStep> steps = tx.run("""
                            MATCH (:Path {id: $id})-[:HAS_STEP]->(st:PathStep)-[:OF]->(t)
                            RETURN st.n AS n, %s AS kind, %s AS ref,
                                   t.title AS title,
                                   (NOT t:Article OR t.status = 'active') AND NOT coalesce(t.hidden, false) AS available,
                                   CASE WHEN t:Article THEN t.status = 'hidden' ELSE coalesce(t.hidden, false) END AS hidden,
                                   st.prompt AS prompt,
                                   COLLECT {
                                     MATCH (who:Person)-[d:DONE]->(st) WHERE d.shared AND d.reflection IS NOT NULL
                                     RETURN {id: who.id, name: who.name, text: d.reflection, at: d.at} AS s
                                     ORDER BY d.at
                                   } AS shared
                            ORDER BY n
                            """.formatted(TARGET_KIND, TARGET_REF), Map.of("id", id))
                    .list(PathStore::step);
            String byId = r.get("byId").asString();
            return Optional.of(new LearningPath(
                    r.get("id").asString(),
                    r.get("title").asString(),
                    r.get("description").asString(""),
                    r.get("level").asString(),
                    optionalString(r.get("skill")),
                    new PersonRef(
                            byId,
                            r.get("byName").isNull() ? byId : r.get("byName").asString()),
                    instant(r.get("createdAt")),
                    instant(r.get("updatedAt")),
                    steps));
        });
    }

    private static PathStep step(Record r) {
        List<Reflection> shared = r.get("shared")
                .asList(v -> new Reflection(
                        new PersonRef(v.get("id").asString(), v.get("name").asString()),
                        v.get("text").asString(),
                        instant(v.get("at"))));
        return new PathStep(
                r.get("n").asInt(),
                r.get("kind").asString(),
                r.get("ref").asString(),
                r.get("title").asString(""),
                r.get("available").asBoolean(),
                r.get("hidden").asBoolean(),
                optionalString(r.get("prompt")),
                shared);
    }

    /** The path with a given title, if one exists (seed packs match on titles when re-imported). */
    public Optional<String> idByTitle(String title) {
        return graph.read(tx ->
                tx
                        .run("MATCH (p:Path {title: $title}) RETURN p.id AS id LIMIT 1", Map.of("title", title))
                        .list()
                        .stream()
                        .findFirst()
                        .map(r -> r.get("id").asString()));
    }

    /**
     * Every path, newest first, with {@code personId}'s progress (none when empty); {@code level}
     * narrows to one level.
     */
    public List<PathSummary> list(Optional<String> personId, Optional<String> level) {
        var params = new HashMap<String, Object>();
        params.put("person", personId.orElse(null));
        params.put("level", level.orElse(null));
        return graph.read(tx -> tx.run("""
                        MATCH (p:Path) WHERE $level IS NULL OR p.level = $level
                        RETURN p.id AS id, p.title AS title, p.description AS description, p.level AS level,
                               p.skill AS skill, p.createdAt AS createdAt,
                               COUNT { (p)-[:HAS_STEP]->(:PathStep) } AS steps,
                               COUNT { (p)-[:HAS_STEP]->(:PathStep)<-[:DONE]-(:Person {id: $person}) } AS done,
                               EXISTS { (:Person {id: $person})-[:FOLLOWS]->(p) } AS following
                        ORDER BY createdAt DESC, id
                        """, params)
                .list(r -> new PathSummary(
                        r.get("id").asString(),
                        r.get("title").asString(),
                        r.get("description").asString(""),
                        r.get("level").asString(),
                        optionalString(r.get("skill")),
                        r.get("steps").asInt(),
                        r.get("done").asInt(),
                        r.get("following").asBoolean(),
                        instant(r.get("createdAt")))));
    }

    /**
     * Marks step {@code n} done by {@code personId} (who then follows the path). An empty {@code
     * reflection} or {@code shared} keeps what was there; an empty string clears the reflection.
     * Returns the person's progress on the path as this left it, read in the same transaction.
     */
    /** Runs {@code work} in one write transaction that this store's calls (and others') join. */
    public <T> T inOneTransaction(java.util.function.Supplier<T> work) {
        return graph.inOneTransaction(work);
    }

    public List<StepProgress> markDone(
            String pathId, int n, String personId, Instant at, Optional<String> reflection, Optional<Boolean> shared) {
        var params = new HashMap<String, Object>();
        params.put("path", pathId);
        params.put("n", n);
        params.put("person", personId);
        params.put("at", datetime(at));
        params.put("keepReflection", reflection.isEmpty());
        params.put("reflection", reflection.filter(s -> !s.isEmpty()).orElse(null));
        params.put("keepShared", shared.isEmpty());
        params.put("shared", shared.orElse(false));
        return graph.inOneTransaction(() -> {
            saveDone(params);
            return progress(pathId, personId);
        });
    }

    private void saveDone(Map<String, Object> params) {
        graph.write(tx -> {
            long n2 = tx.run("""
                            MATCH (p:Path {id: $path})-[:HAS_STEP]->(st:PathStep {n: $n}), (me:Person {id: $person})
                            MERGE (me)-[f:FOLLOWS]->(p) ON CREATE SET f.since = $at
                            MERGE (me)-[d:DONE]->(st) ON CREATE SET d.at = $at, d.shared = false
                            SET d.reflection = CASE WHEN $keepReflection THEN d.reflection ELSE $reflection END,
                                d.shared = CASE WHEN $keepShared THEN d.shared ELSE $shared END
                            RETURN count(d) AS n
                            """, params).single().get("n").asLong();
            if (n2 == 0) {
                throw new NoSuchEntityException("step", params.get("path") + "#" + params.get("n"));
            }
            return null;
        });
    }

    /**
     * Marks step {@code n} not done: the person's progress on it, reflection included, goes. Returns
     * their progress on the path as this left it, read in the same transaction.
     */
    public List<StepProgress> markUndone(String pathId, int n, String personId) {
        return graph.inOneTransaction(() -> {
            graph.write(tx -> tx.run("""
                            MATCH (:Person {id: $person})-[d:DONE]->(:PathStep {n: $n})<-[:HAS_STEP]-(:Path {id: $path})
                            DELETE d
                            """, Map.of("path", pathId, "n", n, "person", personId))
                    .consume());
            return progress(pathId, personId);
        });
    }

    /**
     * The steps that point at the article (by its id) on paths {@code personId} follows and that
     * they have not marked done, by path title then step number.
     */
    public List<OpenStep> openSteps(String articleId, String personId) {
        return graph.read(tx -> tx.run("""
                        MATCH (me:Person {id: $person})-[:FOLLOWS]->(p:Path)-[:HAS_STEP]->(st:PathStep)
                              -[:OF]->(:Article {id: $article})
                        WHERE NOT EXISTS { (me)-[:DONE]->(st) }
                        RETURN p.id AS id, p.title AS title, st.n AS n, COUNT { (p)-[:HAS_STEP]->() } AS steps
                        ORDER BY title, id, n
                        """, Map.of("article", articleId, "person", personId))
                .list(r -> new OpenStep(
                        r.get("id").asString(),
                        r.get("title").asString(),
                        r.get("n").asInt(),
                        r.get("steps").asInt())));
    }

    /** {@code personId}'s done steps on a path, by step number. */
    public List<StepProgress> progress(String pathId, String personId) {
        return graph.read(tx -> tx.run("""
                        MATCH (:Person {id: $person})-[d:DONE]->(st:PathStep)<-[:HAS_STEP]-(:Path {id: $path})
                        RETURN st.n AS n, d.at AS at, d.reflection AS reflection, coalesce(d.shared, false) AS shared
                        ORDER BY n
                        """, Map.of("path", pathId, "person", personId))
                .list(r -> new StepProgress(
                        r.get("n").asInt(),
                        instant(r.get("at")),
                        optionalString(r.get("reflection")),
                        r.get("shared").asBoolean())));
    }

    /** A live article a step may point at. */
    public record Titled(String slug, String title) {}

    /** The title of the live article at {@code slug}, if there is one. */
    public Optional<String> liveArticleTitle(String slug) {
        return graph.read(tx -> tx
                .run("MATCH (a:Article {slug: $slug, status: 'active'}) RETURN a.title AS title", Map.of("slug", slug))
                .list(r -> r.get("title").asString())
                .stream()
                .findFirst());
    }

    /**
     * The live articles a builder may mean by {@code text}: those titled exactly so (ignoring case),
     * else those whose title contains it, by title, at most {@code limit}.
     */
    public List<Titled> articlesTitled(String text, int limit) {
        return graph.read(tx -> tx.run(
                        """
                        MATCH (a:Article {status: 'active'}) WHERE toLower(a.title) CONTAINS $text
                        WITH collect({slug: a.slug, title: a.title, exact: toLower(a.title) = $text}) AS all
                        WITH CASE WHEN any(x IN all WHERE x.exact) THEN [x IN all WHERE x.exact] ELSE all END AS found
                        UNWIND found AS f
                        RETURN f.slug AS slug, f.title AS title ORDER BY toLower(title), slug LIMIT $limit
                        """, Map.of("text", text.strip().toLowerCase(java.util.Locale.ROOT), "limit", limit))
                .list(r -> new Titled(r.get("slug").asString(), r.get("title").asString())));
    }
}
