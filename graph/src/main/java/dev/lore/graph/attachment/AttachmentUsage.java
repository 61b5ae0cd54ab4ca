package dev.lore.graph.attachment;

import dev.lore.graph.Graph;
import java.util.List;
import java.util.Map;

/**
 * Where files are used: which live pages' current texts name a file by its {@code /files/ID}
 * address, and which files none names. Thread-safe.
 */
final class AttachmentUsage {
    private final Graph graph;

    AttachmentUsage(Graph graph) {
        this.graph = graph;
    }

    /**
     * The live articles, questions and answers whose current text names this file (by its
     * {@code /files/ID} address): where it is shown or linked, most recently changed first.
     */
    public List<UsedOn> usedOn(String id) {
        String needle = "/files/" + id;
        return graph.read(tx -> tx.run("""
                        CALL () {
                          MATCH (a:Article {status: 'active'})-[:HAS_REVISION]->(r:Revision)
                          WHERE r.n = a.revision AND r.markdown CONTAINS $needle
                          RETURN 'article' AS kind, a.slug AS key, a.title AS title, a.updatedAt AS at
                          UNION ALL
                          MATCH (q:Question) WHERE NOT coalesce(q.hidden, false) AND q.markdown CONTAINS $needle
                          RETURN 'question' AS kind, q.id AS key, q.title AS title, q.updatedAt AS at
                          UNION ALL
                          MATCH (x:Answer)-[:ANSWERS]->(q:Question)
                          WHERE NOT coalesce(x.hidden, false) AND NOT coalesce(q.hidden, false)
                                AND x.markdown CONTAINS $needle
                          RETURN 'answer' AS kind, q.id AS key, q.title AS title, x.at AS at
                        }
                        RETURN kind, key, title ORDER BY at DESC
                        """, Map.of("needle", needle))
                .list(r -> new UsedOn(
                        r.get("kind").asString(),
                        r.get("key").asString(),
                        r.get("title").asString())));
    }

    /**
     * {@link #usedOn(String)} for several files at once, in one pass over the pages' texts: the
     * pages naming each file, by file id (files no page names are left out).
     */
    public Map<String, List<UsedOn>> usedOn(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var used = new java.util.LinkedHashMap<String, List<UsedOn>>();
        graph.read(tx -> tx.run("""
                        CALL () {
                          MATCH (a:Article {status: 'active'})-[:HAS_REVISION]->(r:Revision)
                          WHERE r.n = a.revision AND r.markdown CONTAINS '/files/'
                          RETURN 'article' AS kind, a.slug AS key, a.title AS title, a.updatedAt AS at, r.markdown AS text
                          UNION ALL
                          MATCH (q:Question) WHERE NOT coalesce(q.hidden, false) AND q.markdown CONTAINS '/files/'
                          RETURN 'question' AS kind, q.id AS key, q.title AS title, q.updatedAt AS at, q.markdown AS text
                          UNION ALL
                          MATCH (x:Answer)-[:ANSWERS]->(q:Question)
                          WHERE NOT coalesce(x.hidden, false) AND NOT coalesce(q.hidden, false)
                                AND x.markdown CONTAINS '/files/'
                          RETURN 'answer' AS kind, q.id AS key, q.title AS title, x.at AS at, x.markdown AS text
                        }
                        UNWIND $ids AS id
                        WITH id, kind, key, title, at, text WHERE text CONTAINS '/files/' + id
                        RETURN id, kind, key, title ORDER BY at DESC
                        """, Map.of("ids", List.copyOf(ids))).list())
                .forEach(r -> used.computeIfAbsent(r.get("id").asString(), k -> new java.util.ArrayList<>())
                        .add(new UsedOn(
                                r.get("kind").asString(),
                                r.get("key").asString(),
                                r.get("title").asString())));
        return used;
    }

    /**
     * Files that no live page's current text names (by {@code /files/ID}), deleted ones left out,
     * oldest first: attached but never shown or linked, or no longer.
     */
    public List<Attachment> unused(int limit) {
        return graph.read(tx -> tx.run(
                        """
                        CALL () {
                          MATCH (a:Article {status: 'active'})-[:HAS_REVISION]->(r:Revision)
                          WHERE r.n = a.revision AND r.markdown CONTAINS '/files/'
                          RETURN r.markdown AS text
                          UNION ALL
                          MATCH (q:Question) WHERE NOT coalesce(q.hidden, false) AND q.markdown CONTAINS '/files/'
                          RETURN q.markdown AS text
                          UNION ALL
                          MATCH (x:Answer) WHERE NOT coalesce(x.hidden, false) AND x.markdown CONTAINS '/files/'
                          RETURN x.markdown AS text
                        }
                        WITH collect(text) AS texts
                        MATCH (f:Attachment)-[:ATTACHED_TO]->(t) WHERE NOT coalesce(f.deleted, false)
                          AND none(text IN texts WHERE text CONTAINS '/files/' + f.id)
                        """ + AttachmentRows.PAGE + "RETURN " + AttachmentRows.COLUMNS
                                + " ORDER BY f.createdAt, f.id LIMIT $limit",
                        Map.of("limit", limit))
                .list(AttachmentRows::attachment));
    }
}
