package dev.lore.graph.notify;

import dev.lore.graph.Graph;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What events need to know about the things they concern. Thread-safe. */
public final class Lookups {
    private final Graph graph;

    public Lookups(Graph graph) {
        this.graph = graph;
    }

    /** Which of {@code ids} are people's ids. */
    public Set<String> knownPeople(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return graph
                .read(tx -> tx.run(
                                "UNWIND $ids AS id MATCH (p:Person {id: id}) RETURN p.id AS id",
                                Map.of("ids", List.copyOf(ids)))
                        .list(r -> r.get("id").asString()))
                .stream()
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The thing a comment ({@code question}, {@code answer} or {@code article}, by id) is about. */
    public Optional<CommentTarget> commentTarget(String kind, String targetId) {
        String query = switch (kind) {
            case "question" ->
                "MATCH (a:Person)-[:ASKED]->(q:Question {id: $id}) RETURN 'question' AS kind, q.id AS key,"
                        + " q.title AS title, '/questions/' + q.id AS url, a.id AS author";
            case "answer" ->
                "MATCH (a:Person)-[:ANSWERED]->(:Answer {id: $id})-[:ANSWERS]->(q:Question)"
                        + " RETURN 'question' AS kind, q.id AS key, q.title AS title,"
                        + " '/questions/' + q.id AS url, a.id AS author";
            case "article" ->
                "MATCH (t:Article) WHERE t.id = $id OR t.slug = $id RETURN 'article' AS kind, t.slug AS key,"
                        + " t.title AS title, '/wiki/' + t.slug AS url, null AS author";
            default -> throw new IllegalArgumentException("kind must be question, answer or article, was " + kind);
        };
        return graph.read(tx -> tx
                .run(query, Map.of("id", targetId))
                .list(r -> new CommentTarget(
                        new Subject(
                                WatchKind.parse(r.get("kind").asString()).orElseThrow(),
                                r.get("key").asString()),
                        r.get("title").asString(""),
                        r.get("url").asString(),
                        Optional.ofNullable(r.get("author").asString(null))))
                .stream()
                .findFirst());
    }

    /**
     * Flagged content ({@code question}, {@code answer} or {@code article}, by id or slug), with who
     * answers for it: the asker, the answer's author, or the page's owner.
     */
    public Optional<CommentTarget> flagTarget(String kind, String targetId) {
        if (!kind.equals("article")) {
            return commentTarget(kind, targetId);
        }
        return graph.read(tx -> tx
                .run(
                        "MATCH (t:Article) WHERE t.id = $id OR t.slug = $id"
                                + " RETURN t.slug AS key, t.title AS title, t.owner AS owner",
                        Map.of("id", targetId))
                .list(r -> new CommentTarget(
                        new Subject(WatchKind.ARTICLE, r.get("key").asString()),
                        r.get("title").asString(""),
                        "/wiki/" + r.get("key").asString(),
                        Optional.ofNullable(r.get("owner").asString(null))))
                .stream()
                .findFirst());
    }

    /** The ids of champions and admins: who works the review queue. */
    public List<String> champions() {
        return graph.read(tx -> tx.run("MATCH (p:Person) WHERE toLower(coalesce(p.role, '')) IN ['champion', 'admin']"
                        + " AND coalesce(p.active, true) RETURN p.id AS id ORDER BY id")
                .list(r -> r.get("id").asString()));
    }

    /** A question's title and the id of who asked it. */
    public Optional<Map.Entry<String, String>> question(String id) {
        return graph.read(tx -> tx
                .run(
                        "MATCH (a:Person)-[:ASKED]->(q:Question {id: $id}) RETURN q.title AS title, a.id AS asker",
                        Map.of("id", id))
                .list(r -> Map.entry(r.get("title").asString(""), r.get("asker").asString()))
                .stream()
                .findFirst());
    }

    /**
     * A secret every server shares: the value stored under {@code key}, or {@code candidate} when
     * none is stored yet (the first server to ask stores its candidate).
     */
    public String sharedSecret(String key, String candidate) {
        return graph.write(tx -> tx.run(
                        "MERGE (s:Setting {key: $key}) ON CREATE SET s.value = $value RETURN s.value AS value",
                        Map.of("key", key, "value", candidate))
                .single()
                .get("value")
                .asString());
    }
}
