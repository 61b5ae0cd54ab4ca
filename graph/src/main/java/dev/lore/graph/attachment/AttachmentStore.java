package dev.lore.graph.attachment;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.PersonRef;
import dev.lore.graph.internal.ChangeSequence;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.neo4j.driver.TransactionContext;

/**
 * Attachments in the graph: {@code (:Attachment)-[:ATTACHED_TO]->(:Article|:Question|:Answer)},
 * each with its versions, {@code (:Attachment)-[:HAS_VERSION]->(:AttachmentVersion)-[:BY]->(:Person)}.
 * The attachment node carries its latest version's name, type, size and hash, and the text
 * extracted from that version once extraction ran. Every change takes a change sequence number,
 * so the search index follows. The bytes are elsewhere (a blob store, by hash). Thread-safe.
 */
public final class AttachmentStore {
    /** Kinds of page a file can be attached to, as the API names them. */
    public static final List<String> KINDS = List.of("article", "question", "answer");

    private final Graph graph;

    private final AttachmentUsage usage;

    public AttachmentStore(Graph graph) {
        this.graph = graph;
        this.usage = new AttachmentUsage(graph);
    }

    /**
     * Attaches a new file to a page: an article by slug, a question or an answer by id.
     *
     * @throws NoSuchEntityException if there is no such page (or person)
     */
    public Attachment attach(String kind, String pageKey, NewVersion first) {
        return attach(kind, pageKey, first, UUID.randomUUID().toString());
    }

    /**
     * Attaches a new file under an id chosen beforehand: imports write a page's text, with the
     * file's address in it, before the page exists to attach to.
     *
     * @throws NoSuchEntityException if there is no such page (or person)
     */
    public Attachment attach(String kind, String pageKey, NewVersion first, String id) {
        String match = switch (kind) {
            case "article" -> "MATCH (t:Article {slug: $key}) WHERE coalesce(t.status, 'active') <> 'deleted'";
            case "question" -> "MATCH (t:Question {id: $key})";
            case "answer" -> "MATCH (t:Answer {id: $key})";
            default -> throw new IllegalArgumentException("kind must be one of " + KINDS + ", was '" + kind + "'");
        };
        return graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            var params = params(first);
            params.put("key", pageKey);
            params.put("id", id);
            params.put("seq", seq);
            var created = tx.run(match + """
                            MATCH (p:Person {id: $by})
                            CREATE (f:Attachment {id: $id, name: $name, type: $type, size: $size, sha256: $sha256,
                                                  version: 1, at: $at, seq: $seq, createdAt: $at})-[:ATTACHED_TO]->(t)
                            CREATE (f)-[:HAS_VERSION]->(:AttachmentVersion {n: 1, name: $name, type: $type, size: $size,
                                                                            sha256: $sha256, at: $at})-[:BY]->(p)
                            RETURN f.id AS id
                            """, params).list();
            if (created.isEmpty()) {
                throw new NoSuchEntityException(kind, pageKey);
            }
            return find(tx, id).orElseThrow();
        });
    }

    /**
     * Adds a version to an attachment: its page now shows the new file, the old one stays in its
     * history.
     *
     * @throws NoSuchEntityException if there is no such attachment
     */
    public Attachment replace(String id, NewVersion next) {
        return graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            var params = params(next);
            params.put("id", id);
            params.put("seq", seq);
            var updated = tx.run("""
                            MATCH (f:Attachment {id: $id}) WHERE NOT coalesce(f.deleted, false)
                            MATCH (p:Person {id: $by})
                            SET f.version = f.version + 1, f.name = $name, f.type = $type, f.size = $size,
                                f.sha256 = $sha256, f.at = $at, f.seq = $seq, f.text = null, f.textVersion = null, f.textStatus = null
                            CREATE (f)-[:HAS_VERSION]->(:AttachmentVersion {n: f.version, name: $name, type: $type,
                                                                            size: $size, sha256: $sha256, at: $at})-[:BY]->(p)
                            RETURN f.id AS id
                            """, params).list();
            if (updated.isEmpty()) {
                throw new NoSuchEntityException("attachment", id);
            }
            return find(tx, id).orElseThrow();
        });
    }

    /** Marks an attachment deleted: it leaves its page and the index; its versions stay for the record. */
    public void delete(String id, String byPersonId, java.time.Instant at) {
        graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            var deleted = tx.run("""
                            MATCH (f:Attachment {id: $id}) WHERE NOT coalesce(f.deleted, false)
                            SET f.deleted = true, f.deletedBy = $by, f.deletedAt = $at, f.seq = $seq
                            RETURN f.id
                            """, Map.of("id", id, "by", byPersonId, "at", datetime(at), "seq", seq))
                    .list();
            if (deleted.isEmpty()) {
                throw new NoSuchEntityException("attachment", id);
            }
            return null;
        });
    }

    public Optional<Attachment> find(String id) {
        return graph.read(tx -> find(tx, id));
    }

    private static Optional<Attachment> find(TransactionContext tx, String id) {
        return tx
                .run(
                        "MATCH (f:Attachment {id: $id})-[:ATTACHED_TO]->(t)\n" + AttachmentRows.PAGE + "RETURN "
                                + AttachmentRows.COLUMNS,
                        Map.of("id", id))
                .list(AttachmentRows::attachment)
                .stream()
                .findFirst();
    }

    /** Every version of an attachment, oldest first. */
    public List<AttachmentVersion> versions(String id) {
        return graph.read(tx -> tx.run("""
                        MATCH (:Attachment {id: $id})-[:HAS_VERSION]->(v:AttachmentVersion)-[:BY]->(p:Person)
                        RETURN v.n AS n, v.name AS name, v.type AS type, v.size AS size, v.sha256 AS sha256,
                               v.at AS at, p.id AS byId, p.name AS byName
                        ORDER BY v.n
                        """, Map.of("id", id))
                .list(r -> new AttachmentVersion(
                        r.get("n").asInt(),
                        r.get("name").asString(),
                        r.get("type").asString(),
                        r.get("size").asLong(),
                        r.get("sha256").asString(),
                        new PersonRef(r.get("byId").asString(), r.get("byName").asString()),
                        instant(r.get("at")))));
    }

    /**
     * The files on a page that are not deleted, newest first: an article's by slug, or a question's
     * (with its answers' files) by id.
     */
    public List<Attachment> onPage(String kind, String key) {
        String match = switch (kind) {
            case "article" -> "MATCH (f:Attachment)-[:ATTACHED_TO]->(t:Article {slug: $key})";
            case "question" -> """
                    MATCH (q:Question {id: $key})
                    MATCH (f:Attachment)-[:ATTACHED_TO]->(t) WHERE t = q OR (t:Answer AND (t)-[:ANSWERS]->(q))
                    """;
            default -> throw new IllegalArgumentException("kind must be article or question, was '" + kind + "'");
        };
        return graph.read(tx -> tx.run(
                        match + "\nWITH f, t WHERE NOT coalesce(f.deleted, false)\n" + AttachmentRows.PAGE + "RETURN "
                                + AttachmentRows.COLUMNS + " ORDER BY f.createdAt DESC, f.id",
                        Map.of("key", key))
                .list(AttachmentRows::attachment));
    }

    /** Records the text extracted from a version; ignored when the attachment moved on to a newer one. */
    public boolean setText(String id, int version, String text) {
        return setText(id, version, text, text.isEmpty() ? "empty" : "text");
    }

    /**
     * Records the text extracted from a version and how the extraction ended ({@code text},
     * {@code truncated}, {@code timeout} ...); ignored when the attachment moved on to a newer one.
     */
    public boolean setText(String id, int version, String text, String status) {
        return graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            return !tx.run("""
                            MATCH (f:Attachment {id: $id, version: $version})
                            SET f.text = $text, f.textVersion = $version, f.textStatus = $status, f.seq = $seq
                            RETURN f.id
                            """, Map.of("id", id, "version", version, "text", text, "status", status, "seq", seq))
                    .list()
                    .isEmpty();
        });
    }

    /**
     * How the text extraction of an attachment's latest version ended, with the number of
     * characters kept; empty while it has not run.
     */
    public Optional<TextStatus> textStatus(String id) {
        return graph.read(tx -> tx
                .run("""
                        MATCH (f:Attachment {id: $id}) WHERE f.textVersion = f.version
                        RETURN coalesce(f.textStatus, 'text') AS status, size(coalesce(f.text, '')) AS chars
                        """, Map.of("id", id))
                .list(r -> new TextStatus(
                        r.get("status").asString(), r.get("chars").asLong()))
                .stream()
                .findFirst());
    }

    /** How an extraction ended ({@code text}, {@code truncated}, {@code empty}, {@code timeout} ...) and what it kept. */
    public record TextStatus(String status, long chars) {}

    /** Attachments whose latest version has no extracted text yet (deleted ones left out), oldest first. */
    public List<Attachment> awaitingText(int limit) {
        return graph.read(tx -> tx.run(
                        """
                        MATCH (f:Attachment)-[:ATTACHED_TO]->(t)
                        WHERE NOT coalesce(f.deleted, false) AND coalesce(f.textVersion, 0) <> f.version
                        """ + AttachmentRows.PAGE + "RETURN " + AttachmentRows.COLUMNS + " ORDER BY f.at LIMIT $limit",
                        Map.of("limit", limit))
                .list(AttachmentRows::attachment));
    }

    /**
     * Attachments changed after {@code sinceSeq}, in sequence order: uploaded, replaced, deleted,
     * given their text, or on a page whose visibility changed (a page's change counts as its files').
     */
    public List<IndexedAttachment> changesSince(long sinceSeq, int limit) {
        return graph.read(tx -> tx.run(
                        """
                        MATCH (f:Attachment)-[:ATTACHED_TO]->(t)
                        OPTIONAL MATCH (t)-[:ANSWERS]->(aq:Question)
                        WITH f, t, aq, reduce(m = f.seq, x IN [t.seq, aq.seq] | CASE WHEN x > m THEN x ELSE m END) AS seq
                        WHERE seq > $since
                        WITH f, t, aq, seq ORDER BY seq LIMIT $limit
                        MATCH (f)-[:HAS_VERSION]->(v:AttachmentVersion {n: f.version})-[:BY]->(p:Person)
                        RETURN seq, coalesce(f.text, '') AS text,
                        """ + AttachmentRows.COLUMNS + " ORDER BY seq", Map.of("since", sinceSeq, "limit", limit))
                .list(r -> {
                    Attachment a = AttachmentRows.attachment(r);
                    return new IndexedAttachment(
                            a.id(),
                            a.name(),
                            r.get("text").asString(),
                            a.by().name(),
                            a.at(),
                            a.page(),
                            a.visible(),
                            r.get("seq").asLong());
                }));
    }

    /**
     * The blobs still in use: every version of every attachment that is not deleted, and the
     * thumbnails made of them. A deleted file's bytes are free to go (it answers 404 to everyone).
     */
    public java.util.Set<String> referencedHashes() {
        return graph.read(
                tx -> new java.util.HashSet<>(tx.run("""
                        MATCH (f:Attachment)-[:HAS_VERSION]->(v:AttachmentVersion)
                        WHERE NOT coalesce(f.deleted, false)
                        UNWIND [v.sha256, v.thumb] AS h
                        WITH h WHERE h IS NOT NULL
                        RETURN DISTINCT h
                        """).list(r -> r.get("h").asString())));
    }

    /** Records the thumbnail made of some bytes on every version holding them, so {@code gc-files} keeps it. */
    public void setThumbnail(String sha256, String thumbSha256) {
        graph.write(
                tx -> tx.run("""
                        MATCH (v:AttachmentVersion {sha256: $sha})
                        WHERE v.thumb IS NULL OR v.thumb <> $thumb
                        SET v.thumb = $thumb
                        """, Map.of("sha", sha256, "thumb", thumbSha256)).consume());
    }

    /**
     * The live articles, questions and answers whose current text names this file (by its
     * {@code /files/ID} address): where it is shown or linked, most recently changed first.
     */
    public List<UsedOn> usedOn(String id) {
        return usage.usedOn(id);
    }

    /** {@link #usedOn(String)} for several files at once: the pages naming each file, by file id. */
    public Map<String, List<UsedOn>> usedOn(java.util.Collection<String> ids) {
        return usage.usedOn(ids);
    }

    /** Files that no live page's current text names, deleted ones left out, oldest first. */
    public List<Attachment> unused(int limit) {
        return usage.unused(limit);
    }

    private static Map<String, Object> params(NewVersion v) {
        var params = new HashMap<String, Object>();
        params.put("name", v.name());
        params.put("type", v.type());
        params.put("size", v.size());
        params.put("sha256", v.sha256());
        params.put("by", v.byPersonId());
        params.put("at", datetime(v.at()));
        return params;
    }
}
