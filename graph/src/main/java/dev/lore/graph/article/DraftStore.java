package dev.lore.graph.article;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.Graph;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Unsaved editor text, one draft per person and page (or per person for a page not created yet),
 * kept on the server so that closing a tab or losing a laptop loses nothing. A draft belongs to the
 * article's id, so it follows a rename. Drafts are private: only their writer reads them. Thread-safe.
 */
public final class DraftStore {
    /** The page a draft is for: an existing article (by slug or redirect), or a new page. */
    public record Target(Optional<String> slug) {
        public static final Target NEW_PAGE = new Target(Optional.empty());

        public static Target page(String slug) {
            return new Target(Optional.of(slug));
        }
    }

    /** What the editor held: its fields as typed, and the revision the edit started from (0 if new). */
    public record Draft(String title, String markdown, String tags, String skills, int baseRevision, Instant savedAt) {
        public Draft {
            Objects.requireNonNull(title, "title must not be null");
            Objects.requireNonNull(markdown, "markdown must not be null");
            tags = Objects.requireNonNullElse(tags, "");
            skills = Objects.requireNonNullElse(skills, "");
        }
    }

    private final Graph graph;

    public DraftStore(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
    }

    /**
     * Keeps {@code draft} as the person's draft of {@code target}, replacing an older one.
     *
     * @return false if the target page does not exist (nothing is kept)
     */
    public boolean save(String personId, Target target, Draft draft) {
        return graph.write(tx -> {
            Optional<String> key = key(tx, personId, target);
            if (key.isEmpty()) {
                return false;
            }
            var params = new HashMap<String, Object>();
            params.put("key", key.get());
            params.put("person", personId);
            params.put("title", draft.title());
            params.put("markdown", draft.markdown());
            params.put("tags", draft.tags());
            params.put("skills", draft.skills());
            params.put("base", draft.baseRevision());
            params.put("at", datetime(draft.savedAt()));
            tx.run("""
                            MERGE (d:Draft {key: $key})
                            SET d.person = $person, d.title = $title, d.markdown = $markdown, d.tags = $tags,
                                d.skills = $skills, d.baseRevision = $base, d.savedAt = $at
                            """, params).consume();
            return true;
        });
    }

    public Optional<Draft> find(String personId, Target target) {
        return graph.read(tx -> key(tx, personId, target)
                .flatMap(key -> tx.run("MATCH (d:Draft {key: $key}) RETURN d", Map.of("key", key)).list().stream()
                        .findFirst()
                        .map(r -> {
                            var d = r.get("d");
                            return new Draft(
                                    d.get("title").asString(),
                                    d.get("markdown").asString(),
                                    d.get("tags").asString(""),
                                    d.get("skills").asString(""),
                                    d.get("baseRevision").asInt(0),
                                    instant(d.get("savedAt")));
                        })));
    }

    /** Forgets the person's draft of {@code target}; forgetting one that is not there is a no-op. */
    public void discard(String personId, Target target) {
        graph.write(tx -> {
            key(tx, personId, target)
                    .ifPresent(key -> tx.run("MATCH (d:Draft {key: $key}) DELETE d", Map.of("key", key))
                            .consume());
            return null;
        });
    }

    private static Optional<String> key(org.neo4j.driver.TransactionContext tx, String personId, Target target) {
        if (target.slug().isEmpty()) {
            return Optional.of(personId + "|new");
        }
        return Slugs.resolveId(tx, target.slug().get()).map(id -> personId + "|" + id);
    }
}
