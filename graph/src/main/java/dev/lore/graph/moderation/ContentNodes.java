package dev.lore.graph.moderation;

import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.TransactionContext;

/** Finds the node of flaggable content (an article by slug, a question or an answer by id). */
final class ContentNodes {
    private ContentNodes() {}

    /** The content node, hidden or not (deleted articles excluded). {@code kind} is one of {@link ModerationStore#KINDS}. */
    static Optional<String> nodeId(TransactionContext tx, String kind, String target) {
        return find(tx, kind, target, false);
    }

    /** The content node if readers can see it. */
    static Optional<String> visibleNodeId(TransactionContext tx, String kind, String target) {
        return find(tx, kind, target, true);
    }

    private static Optional<String> find(TransactionContext tx, String kind, String target, boolean visibleOnly) {
        String query = switch (kind) {
            case "article" -> """
                            MATCH (t:Article {slug: $target})
                            WHERE t.status = 'active' OR (NOT $visible AND t.status = 'hidden')
                            RETURN elementId(t) AS node
                            """;
            case "question" -> """
                            MATCH (t:Question {id: $target})
                            WHERE NOT $visible OR NOT coalesce(t.hidden, false)
                            RETURN elementId(t) AS node
                            """;
            case "answer" -> """
                            MATCH (t:Answer {id: $target})-[:ANSWERS]->(q:Question)
                            WHERE NOT $visible OR NOT (coalesce(t.hidden, false) OR coalesce(q.hidden, false))
                            RETURN elementId(t) AS node
                            """;
            default ->
                throw new IllegalArgumentException("kind must be one of " + ModerationStore.KINDS + ", was " + kind);
        };
        return tx.run(query, Map.of("target", target, "visible", visibleOnly)).list().stream()
                .findFirst()
                .map(r -> r.get("node").asString());
    }
}
