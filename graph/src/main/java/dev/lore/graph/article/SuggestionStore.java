package dev.lore.graph.article;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.optionalInstant;
import static dev.lore.graph.internal.Values.optionalString;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.PersonRef;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * Suggested edits: a person who may not edit a page proposes new text for it, against the revision
 * they read; the page's owner or a champion accepts it (it becomes a revision credited to the
 * proposer), or declines it with a note. {@code (:Suggestion)-[:FOR]->(:Article)},
 * {@code -[:BY]->(:Person)}, and once decided {@code -[:DECIDED_BY]->(:Person)}. Thread-safe.
 */
public final class SuggestionStore {
    /** What became of a suggestion. */
    public enum Status {
        OPEN,
        ACCEPTED,
        DECLINED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A suggested edit. {@code revision} is the page revision an accepted suggestion became;
     * {@code note} the decider's word on it.
     */
    public record Suggestion(
            String id,
            String articleSlug,
            String articleTitle,
            Optional<String> articleOwner,
            String title,
            String markdown,
            String message,
            int baseRevision,
            PersonRef by,
            Instant at,
            Status status,
            Optional<PersonRef> decidedBy,
            Optional<Instant> decidedAt,
            String note,
            Optional<Integer> revision) {}

    private static final String COLUMNS = """
            s.id AS id, a.slug AS slug, a.title AS articleTitle, a.owner AS owner, s.title AS title,
            s.markdown AS markdown, s.message AS message, s.baseRevision AS base, p.id AS byId, p.name AS byName,
            s.at AS at, s.status AS status, d.id AS deciderId, d.name AS deciderName, s.decidedAt AS decidedAt,
            s.note AS note, s.revision AS revision
            """;
    private static final String MATCH = """
            MATCH (s:Suggestion)-[:FOR]->(a:Article), (s)-[:BY]->(p:Person)
            OPTIONAL MATCH (s)-[:DECIDED_BY]->(d:Person)
            """;

    private final Graph graph;

    public SuggestionStore(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
    }

    /** Records a suggestion on the live page at {@code slugOrRedirect}. */
    public Suggestion create(
            String slugOrRedirect,
            String personId,
            String title,
            String markdown,
            String message,
            int base,
            Instant at) {
        return graph.write(tx -> {
            String articleId = Slugs.resolveId(tx, slugOrRedirect)
                    .orElseThrow(() -> new NoSuchEntityException("article", slugOrRedirect));
            String id = UUID.randomUUID().toString();
            var params = new HashMap<String, Object>();
            params.put("id", id);
            params.put("article", articleId);
            params.put("person", personId);
            params.put("title", title);
            params.put("markdown", markdown);
            params.put("message", message);
            params.put("base", base);
            params.put("at", datetime(at));
            var created = tx.run("""
                            MATCH (a:Article {id: $article}), (p:Person {id: $person})
                            CREATE (s:Suggestion {id: $id, title: $title, markdown: $markdown, message: $message,
                                baseRevision: $base, at: $at, status: 'open', note: ''})
                            CREATE (s)-[:FOR]->(a)
                            CREATE (s)-[:BY]->(p)
                            RETURN s.id AS id
                            """, params).list();
            if (created.isEmpty()) {
                throw new NoSuchEntityException("person", personId);
            }
            return find(tx, id).orElseThrow();
        });
    }

    public Optional<Suggestion> find(String id) {
        return graph.read(tx -> find(tx, id));
    }

    /** Suggestions on one page, open ones first, newest first. */
    public List<Suggestion> forPage(String slug, boolean openOnly) {
        return graph.read(tx -> tx.run(
                        MATCH
                                + " WITH s, a, p, d WHERE a.slug = $slug AND ($all OR s.status = 'open') RETURN "
                                + COLUMNS
                                + " ORDER BY s.status = 'open' DESC, s.at DESC LIMIT 200",
                        Map.of("slug", slug, "all", !openOnly))
                .list(SuggestionStore::toSuggestion));
    }

    /** What a person suggested, newest first. */
    public List<Suggestion> byPerson(String personId, int limit) {
        return graph.read(tx -> tx.run(
                        MATCH + " WITH s, a, p, d WHERE p.id = $person RETURN " + COLUMNS
                                + " ORDER BY s.at DESC LIMIT $limit",
                        Map.of("person", personId, "limit", limit))
                .list(SuggestionStore::toSuggestion));
    }

    /**
     * Open suggestions waiting for a decision: on pages {@code ownerId} owns, or on every live page
     * when {@code everyPage} (for champions). Oldest first.
     */
    public List<Suggestion> waiting(String ownerId, boolean everyPage, int limit) {
        return graph.read(tx -> tx.run(
                        MATCH
                                + " WITH s, a, p, d WHERE s.status = 'open' AND a.status = 'active'"
                                + " AND ($every OR a.owner = $owner) RETURN " + COLUMNS
                                + " ORDER BY s.at LIMIT $limit",
                        Map.of("owner", ownerId, "every", everyPage, "limit", limit))
                .list(SuggestionStore::toSuggestion));
    }

    /**
     * Closes an open suggestion as accepted (with the revision it became) or declined.
     *
     * @return false if it was no longer open (someone decided first)
     */
    public boolean decide(
            String id, Status status, String deciderId, String note, Optional<Integer> revision, Instant at) {
        if (status == Status.OPEN) {
            throw new IllegalArgumentException("a decision must accept or decline, was open");
        }
        return graph.write(tx -> {
            var params = new HashMap<String, Object>();
            params.put("id", id);
            params.put("status", status.id());
            params.put("decider", deciderId);
            params.put("note", note);
            params.put("revision", revision.orElse(null));
            params.put("at", datetime(at));
            return !tx.run("""
                            MATCH (s:Suggestion {id: $id, status: 'open'}), (d:Person {id: $decider})
                            SET s.status = $status, s.note = $note, s.revision = $revision, s.decidedAt = $at
                            CREATE (s)-[:DECIDED_BY]->(d)
                            RETURN s.id AS id
                            """, params).list().isEmpty();
        });
    }

    private static Optional<Suggestion> find(TransactionContext tx, String id) {
        return tx.run(MATCH + " WITH s, a, p, d WHERE s.id = $id RETURN " + COLUMNS, Map.of("id", id)).list().stream()
                .findFirst()
                .map(SuggestionStore::toSuggestion);
    }

    private static Suggestion toSuggestion(Record r) {
        return new Suggestion(
                r.get("id").asString(),
                r.get("slug").asString(),
                r.get("articleTitle").asString(),
                optionalString(r.get("owner")),
                r.get("title").asString(),
                r.get("markdown").asString(),
                r.get("message").asString(""),
                r.get("base").asInt(),
                new PersonRef(r.get("byId").asString(), r.get("byName").asString()),
                instant(r.get("at")),
                Status.valueOf(r.get("status").asString().toUpperCase(java.util.Locale.ROOT)),
                r.get("deciderId").isNull()
                        ? Optional.empty()
                        : Optional.of(new PersonRef(
                                r.get("deciderId").asString(),
                                r.get("deciderName").asString())),
                optionalInstant(r.get("decidedAt")),
                r.get("note").asString(""),
                r.get("revision").isNull()
                        ? Optional.empty()
                        : Optional.of(r.get("revision").asInt()));
    }
}
