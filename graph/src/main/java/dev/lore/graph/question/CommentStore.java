package dev.lore.graph.question;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.PersonRef;
import dev.lore.graph.internal.ChangeSequence;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Comments on questions, answers and articles:
 *
 * <pre>
 * (:Person)-[:WROTE]->(:Comment)-[:ON]->(:Question|:Answer|:Article)
 * </pre>
 *
 * A comment takes the next change sequence number and stamps it on the question it belongs to, or
 * on the article it is on, so the search index picks it up. The comments of a question come with
 * the question ({@link QuestionStore#find}). Thread-safe.
 */
public final class CommentStore {
    private final Graph graph;

    public CommentStore(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
    }

    /**
     * Comments on a question, an answer or an article. {@code targetKey} is the question's or
     * answer's id, or the article's slug.
     */
    public Comment comment(String targetKind, String targetKey, String authorId, String markdown, Instant at) {
        String id = UUID.randomUUID().toString();
        String match = switch (targetKind) {
            case "question" ->
                "MATCH (t:Question {id: $key}) WHERE NOT coalesce(t.hidden, false) WITH t, t.id AS question";
            case "answer" ->
                "MATCH (t:Answer {id: $key})-[:ANSWERS]->(q:Question) WHERE NOT coalesce(t.hidden, false)"
                        + " AND NOT coalesce(q.hidden, false) WITH t, q.id AS question";
            case "article" -> "MATCH (t:Article {slug: $key, status: 'active'}) WITH t, null AS question";
            default -> throw new IllegalArgumentException("targetKind must be question, answer or article");
        };
        return graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            PersonCheck.require(tx, authorId);
            var rows = tx.run(
                            match + """

                            MATCH (p:Person {id: $author})
                            CREATE (p)-[:WROTE]->(c:Comment {id: $id, targetKind: $kind, targetId: t.id, questionId: question,
                                markdown: $markdown, at: $at})-[:ON]->(t)
                            // an article's comments are searched with it: its index document changes
                            FOREACH (_ IN CASE WHEN t:Article THEN [1] ELSE [] END | SET t.seq = $seq)
                            WITH c, p, question
                            OPTIONAL MATCH (q:Question {id: question})
                            SET q.seq = $seq
                            RETURN c.targetId AS targetId, p.name AS name
                            """,
                            Map.of(
                                    "key", targetKey,
                                    "author", authorId,
                                    "id", id,
                                    "kind", targetKind,
                                    "markdown", markdown,
                                    "at", datetime(at),
                                    "seq", seq))
                    .list();
            if (rows.isEmpty()) {
                throw new NoSuchEntityException(targetKind, targetKey);
            }
            return new Comment(
                    id,
                    targetKind,
                    rows.getFirst().get("targetId").asString(),
                    markdown,
                    new PersonRef(authorId, rows.getFirst().get("name").asString()),
                    at);
        });
    }

    /** The Markdown of the comments on each of these articles (by id), oldest first, for the index. */
    public Map<String, List<String>> articleCommentTexts(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        var out = new HashMap<String, List<String>>();
        graph.read(tx -> tx.run("""
                        UNWIND $ids AS aid
                        MATCH (:Article {id: aid})<-[:ON]-(c:Comment)
                        WITH aid, c ORDER BY c.at
                        RETURN aid, collect(c.markdown) AS texts
                        """, Map.of("ids", List.copyOf(articleIds))).list())
                .forEach(r -> out.put(r.get("aid").asString(), r.get("texts").asList(Value::asString)));
        return out;
    }

    /** Comments on an article, oldest first. */
    public List<Comment> articleComments(String slug) {
        return graph.read(tx -> tx.run("""
                        MATCH (p:Person)-[:WROTE]->(c:Comment)-[:ON]->(:Article {slug: $slug})
                        RETURN c.id AS id, c.targetKind AS kind, c.targetId AS target, c.markdown AS markdown,
                               c.at AS at, p.id AS personId, p.name AS personName
                        ORDER BY c.at
                        """, Map.of("slug", slug)).list(CommentStore::toComment));
    }

    static Comment toComment(Record r) {
        return new Comment(
                r.get("id").asString(),
                r.get("kind").asString(),
                r.get("target").asString(),
                r.get("markdown").asString(),
                new PersonRef(r.get("personId").asString(), r.get("personName").asString()),
                instant(r.get("at")));
    }
}
