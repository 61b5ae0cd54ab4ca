package dev.lore.graph.gitimport;

import static dev.lore.graph.internal.Values.datetime;

import dev.lore.graph.Graph;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Git import remembers between runs, kept in the graph next to what it imported.
 *
 * <ul>
 *   <li>{@code (:GitRepository {key, path, lastCommit, importedAt})}: one per imported repository,
 *       keyed by the id of the root commit of its first-parent history (so a moved or re-cloned
 *       repository is still recognised);
 *   <li>{@code (:GitRepository)-[:TRACKS {path}]->(:Article)}: which article a file path became, so a
 *       rename follows the article and a re-run updates instead of duplicating;
 *   <li>{@code (:GitIdentity {key})-[:IS]->(:Person)}: which person a commit identity (a normalised
 *       email {@code email:...} or name {@code name:...}) was merged into; shared by all repositories.
 * </ul>
 *
 * Thread-safe.
 */
public final class GitImportStore {
    private final Graph graph;

    public GitImportStore(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
        graph.write(tx -> tx.run(
                        "CREATE CONSTRAINT git_repository_key IF NOT EXISTS FOR (r:GitRepository) REQUIRE r.key IS UNIQUE")
                .consume());
        graph.write(tx -> tx.run(
                        "CREATE CONSTRAINT git_identity_key IF NOT EXISTS FOR (i:GitIdentity) REQUIRE i.key IS UNIQUE")
                .consume());
    }

    /** A tracked file: the article it became, as that article stands now. */
    public record TrackedFile(String path, String articleId, String slug, int revision, boolean live) {}

    /** The last commit imported from the repository with this key, if any. */
    public Optional<String> lastCommit(String repositoryKey) {
        return graph.read(tx -> tx
                .run("MATCH (r:GitRepository {key: $key}) RETURN r.lastCommit AS c", Map.of("key", repositoryKey))
                .list(r -> r.get("c").isNull() ? null : r.get("c").asString())
                .stream()
                .filter(Objects::nonNull)
                .findFirst());
    }

    /** Every file path of the repository that maps to an article, with the article's current state. */
    public Map<String, TrackedFile> trackedFiles(String repositoryKey) {
        return graph.read(tx -> {
            var files = new HashMap<String, TrackedFile>();
            tx.run("""
                            MATCH (:GitRepository {key: $key})-[t:TRACKS]->(a:Article)
                            RETURN t.path AS path, a.id AS id, a.slug AS slug, a.revision AS revision,
                                   a.status = 'active' AS live
                            """, Map.of("key", repositoryKey))
                    .list()
                    .forEach(r -> files.put(
                            r.get("path").asString(),
                            new TrackedFile(
                                    r.get("path").asString(),
                                    r.get("id").asString(),
                                    r.get("slug").asString(),
                                    r.get("revision").asInt(),
                                    r.get("live").asBoolean())));
            return files;
        });
    }

    /**
     * Records that {@code commit} was imported: its file mapping changes ({@code tracked} path to
     * article id, {@code untracked} paths dropped) and the commit itself, in one transaction.
     */
    public void recordCommit(
            String repositoryKey,
            String repositoryPath,
            String commit,
            Instant at,
            Map<String, String> tracked,
            List<String> untracked) {
        var params = new HashMap<String, Object>();
        params.put("key", repositoryKey);
        params.put("path", repositoryPath);
        params.put("commit", commit);
        params.put("at", datetime(at));
        params.put(
                "tracked",
                tracked.entrySet().stream()
                        .map(e -> Map.of("path", e.getKey(), "id", e.getValue()))
                        .toList());
        params.put("untracked", List.copyOf(untracked));
        graph.write(tx -> {
            tx.run("""
                            MERGE (r:GitRepository {key: $key})
                            SET r.path = $path, r.lastCommit = $commit, r.importedAt = $at
                            """, params).consume();
            if (!untracked.isEmpty() || !tracked.isEmpty()) {
                // A path being re-tracked is dropped first, so each path has at most one TRACKS.
                tx.run("""
                                MATCH (r:GitRepository {key: $key})-[t:TRACKS]->()
                                WHERE t.path IN $untracked OR t.path IN [f IN $tracked | f.path]
                                DELETE t
                                """, params).consume();
            }
            if (!tracked.isEmpty()) {
                tx.run("""
                                MATCH (r:GitRepository {key: $key})
                                UNWIND $tracked AS f
                                MATCH (a:Article {id: f.id})
                                CREATE (r)-[:TRACKS {path: f.path}]->(a)
                                """, params).consume();
            }
            return null;
        });
    }

    /** Every stored identity key and the person it was merged into. */
    public Map<String, String> identities() {
        return graph.read(tx -> {
            var identities = new HashMap<String, String>();
            tx.run("MATCH (i:GitIdentity)-[:IS]->(p:Person) RETURN i.key AS key, p.id AS person")
                    .list()
                    .forEach(r -> identities.put(
                            r.get("key").asString(), r.get("person").asString()));
            return identities;
        });
    }

    /** Remembers identity keys for people (who must exist); a key already stored keeps its person. */
    public void putIdentities(Map<String, String> personByKey) {
        if (personByKey.isEmpty()) {
            return;
        }
        var rows = personByKey.entrySet().stream()
                .map(e -> Map.of("key", e.getKey(), "person", e.getValue()))
                .toList();
        graph.write(tx -> tx.run("""
                        UNWIND $rows AS row
                        MATCH (p:Person {id: row.person})
                        MERGE (i:GitIdentity {key: row.key})
                        ON CREATE SET i.created = true
                        WITH i, p, coalesce(i.created, false) AS created
                        REMOVE i.created
                        WITH i, p, created WHERE created
                        CREATE (i)-[:IS]->(p)
                        """, Map.of("rows", rows)).consume());
    }

    /**
     * People already in Lore with one of these emails (ignoring case), keyed by the lowercase email;
     * when two share an email, the one who joined first.
     */
    public Map<String, String> personIdsByEmail(List<String> emails) {
        if (emails.isEmpty()) {
            return Map.of();
        }
        return graph.read(tx -> {
            var found = new HashMap<String, String>();
            tx.run(
                            """
                            MATCH (p:Person) WHERE p.email <> '' AND toLower(p.email) IN $emails
                            RETURN toLower(p.email) AS email, p.id AS id ORDER BY p.joinedAt, p.id
                            """,
                            Map.of(
                                    "emails",
                                    emails.stream()
                                            .map(e -> e.toLowerCase(java.util.Locale.ROOT))
                                            .toList()))
                    .list()
                    .forEach(r -> found.putIfAbsent(
                            r.get("email").asString(), r.get("id").asString()));
            return found;
        });
    }
}
