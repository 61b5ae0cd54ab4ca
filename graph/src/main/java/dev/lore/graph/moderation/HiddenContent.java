package dev.lore.graph.moderation;

import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.optionalString;

import dev.lore.graph.Graph;
import dev.lore.graph.PersonRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what is hidden, and by whom and why, for the champions' review. Thread-safe. */
final class HiddenContent {
    private final Graph graph;

    HiddenContent(Graph graph) {
        this.graph = graph;
    }

    /**
     * Hidden content, the most recently hidden first: articles, questions, and answers (of visible
     * or hidden questions), each with a plain excerpt of its Markdown.
     */
    List<HiddenItem> list(int limit, int excerptChars) {
        return graph.read(tx -> tx.run("""
                        CALL () {
                          MATCH (t:Article {status: 'hidden'})
                          RETURN 'article' AS kind, t.slug AS target, t.title AS title,
                                 head([(t)-[:HAS_REVISION]->(r:Revision) WHERE r.n = t.revision | r.markdown]) AS text,
                                 '/wiki/' + t.slug AS link, t AS node
                          UNION ALL
                          MATCH (t:Question {hidden: true})
                          RETURN 'question' AS kind, t.id AS target, t.title AS title, t.markdown AS text,
                                 null AS link, t AS node
                          UNION ALL
                          MATCH (t:Answer {hidden: true})-[:ANSWERS]->(q:Question)
                          RETURN 'answer' AS kind, t.id AS target, 'Answer to: ' + q.title AS title, t.markdown AS text,
                                 CASE WHEN coalesce(q.hidden, false) THEN null ELSE '/questions/' + q.id END AS link,
                                 t AS node
                        }
                        OPTIONAL MATCH (p:Person {id: node.hiddenBy})
                        RETURN kind, target, title, left(coalesce(text, ''), $chars) AS excerpt, link,
                               node.hiddenBy AS by, coalesce(p.name, node.hiddenBy) AS name,
                               node.hiddenReason AS reason, node.hiddenAt AS at
                        ORDER BY at DESC, target LIMIT $limit
                        """, Map.of("limit", limit, "chars", excerptChars))
                .list(r -> new HiddenItem(
                        r.get("kind").asString(),
                        r.get("target").asString(),
                        r.get("title").isNull() ? "" : r.get("title").asString(),
                        r.get("excerpt").asString(),
                        optionalString(r.get("link")),
                        new Hidden(
                                new PersonRef(
                                        r.get("by").isNull() ? "" : r.get("by").asString(),
                                        r.get("name").isNull()
                                                ? ""
                                                : r.get("name").asString()),
                                r.get("reason").isNull() ? "" : r.get("reason").asString(),
                                instant(r.get("at"))))));
    }

    /** Who hid this content and why; empty if it is visible or does not exist. */
    Optional<Hidden> of(String kind, String target) {
        return graph.read(tx -> {
            Optional<String> node = ContentNodes.nodeId(tx, kind, target);
            if (node.isEmpty()) {
                return Optional.<Hidden>empty();
            }
            return tx
                    .run("""
                            MATCH (t) WHERE elementId(t) = $node AND (t.status = 'hidden' OR t.hidden = true)
                            OPTIONAL MATCH (p:Person {id: t.hiddenBy})
                            RETURN t.hiddenBy AS by, coalesce(p.name, t.hiddenBy) AS name, t.hiddenReason AS reason,
                                   t.hiddenAt AS at
                            """, Map.of("node", node.get()))
                    .list(r -> new Hidden(
                            new PersonRef(r.get("by").asString(), r.get("name").asString()),
                            r.get("reason").asString(),
                            instant(r.get("at"))))
                    .stream()
                    .findFirst();
        });
    }
}
