package dev.lore.graph.attachment;

import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.PersonRef;
import org.neo4j.driver.Record;

/** How the attachment queries match a file's page and latest version, and read a row into an {@link Attachment}. */
final class AttachmentRows {
    static final String PAGE = """
            OPTIONAL MATCH (t)-[:ANSWERS]->(aq:Question)
            MATCH (f)-[:HAS_VERSION]->(v:AttachmentVersion {n: f.version})-[:BY]->(p:Person)
            """;
    static final String COLUMNS = """
            f.id AS id, f.name AS name, f.type AS type, f.size AS size, f.sha256 AS sha256, f.version AS version,
            f.at AS at, coalesce(f.deleted, false) AS deleted, p.id AS byId, p.name AS byName,
            CASE WHEN t:Article THEN 'article' WHEN t:Question THEN 'question' ELSE 'answer' END AS kind,
            t.id AS pageId,
            CASE WHEN t:Article THEN t.slug WHEN t:Question THEN t.id ELSE aq.id END AS pageKey,
            CASE WHEN t:Article THEN t.title WHEN t:Question THEN t.title ELSE aq.title END AS pageTitle,
            CASE WHEN t:Article THEN coalesce(t.status, 'active') <> 'active'
                 WHEN t:Question THEN coalesce(t.hidden, false)
                 ELSE coalesce(t.hidden, false) OR coalesce(aq.hidden, false) END AS pageHidden
            """;

    private AttachmentRows() {}

    static Attachment attachment(Record r) {
        return new Attachment(
                r.get("id").asString(),
                r.get("name").asString(),
                r.get("type").asString(),
                r.get("size").asLong(),
                r.get("sha256").asString(),
                r.get("version").asInt(),
                new PersonRef(r.get("byId").asString(), r.get("byName").asString()),
                instant(r.get("at")),
                new AttachedTo(
                        r.get("kind").asString(),
                        r.get("pageId").asString(),
                        r.get("pageKey").asString(),
                        r.get("pageTitle").asString(),
                        r.get("pageHidden").asBoolean()),
                r.get("deleted").asBoolean());
    }
}
