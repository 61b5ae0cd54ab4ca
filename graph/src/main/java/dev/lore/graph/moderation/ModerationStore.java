package dev.lore.graph.moderation;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.optionalString;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.PersonRef;
import dev.lore.graph.expertise.WrittenAbout;
import dev.lore.graph.internal.ChangeSequence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * Flags, hiding and the audit log. {@code (:Person)-[:FLAGGED]->(:Flag)-[:ON]->(content)}, where
 * content is an article (by slug), a question or an answer (by id). Hiding keeps everything: an
 * article gets {@code status: 'hidden'} (so every query for live articles leaves it out, and its
 * revisions stay), a question or answer {@code hidden: true}. Hiding and restoring take a change
 * sequence number, so the index drops or takes back the content; flagging takes one only as a lock,
 * so "one open flag per person and target" cannot race. Every action appends an {@code
 * (:AuditEvent)} in the same transaction. Thread-safe.
 */
public final class ModerationStore {
    /** The kinds of content that can be flagged and hidden. */
    public static final List<String> KINDS = List.of("article", "question", "answer");

    private final Graph graph;

    /** Settling flags one at a time (dismiss, send to owner, fixed), on the same graph. */
    public FlagOutcomes outcomes() {
        return new FlagOutcomes(graph);
    }

    private final HiddenContent hiddenContent;

    public ModerationStore(Graph graph) {
        this.graph = graph;
        this.hiddenContent = new HiddenContent(graph);
    }

    /**
     * {@code personId} flags content that readers can see. Empty if that person already has an open
     * flag on it.
     *
     * @throws NoSuchEntityException if there is no such visible content
     */
    public Optional<Flag> flag(
            String kind, String target, String personId, String reason, Optional<String> note, Instant at) {
        return graph.write(tx -> {
            ChangeSequence.next(tx); // the lock: two flags by one person cannot both see "none open"
            String id = ContentNodes.visibleNodeId(tx, kind, target)
                    .orElseThrow(() -> new NoSuchEntityException(kind, target));
            boolean open = tx.run("""
                            MATCH (:Person {id: $person})-[:FLAGGED]->(f:Flag {status: 'open'})-[:ON]->(t)
                            WHERE elementId(t) = $node
                            RETURN count(f) > 0 AS open
                            """, Map.of("person", personId, "node", id))
                    .single()
                    .get("open")
                    .asBoolean();
            if (open) {
                return Optional.<Flag>empty();
            }
            var params = new HashMap<String, Object>();
            params.put("id", UUID.randomUUID().toString());
            params.put("person", personId);
            params.put("node", id);
            params.put("kind", kind);
            params.put("target", target);
            params.put("reason", reason);
            params.put("note", note.orElse(null));
            params.put("at", datetime(at));
            Flag flag = tx.run("""
                            MATCH (p:Person {id: $person}), (t) WHERE elementId(t) = $node
                            CREATE (p)-[:FLAGGED]->(f:Flag {id: $id, targetKind: $kind, targetId: $target,
                                reason: $reason, note: $note, at: $at, status: 'open'})-[:ON]->(t)
                            RETURN f.id AS id, f.targetKind AS kind, f.targetId AS target, f.reason AS reason,
                                   f.note AS note, f.at AS at, f.status AS status, p.id AS personId, p.name AS personName
                            """, params).list(ModerationStore::toFlag).getFirst();
            audit(
                    tx,
                    "flag",
                    kind,
                    target,
                    personId,
                    reason + note.map(n -> ": " + n).orElse(""),
                    at);
            return Optional.of(flag);
        });
    }

    /** Open flags, grouped by their content, the most flagged first. */
    public List<QueueItem> queue(int limit) {
        return graph.read(tx -> {
            var rows = tx.run("""
                            MATCH (p:Person)-[:FLAGGED]->(f:Flag {status: 'open'})-[:ON]->(t)
                            WHERE NOT (t:Article AND t.status = 'deleted')
                            OPTIONAL MATCH (t)-[:ANSWERS]->(q:Question)
                            RETURN f.id AS id, f.targetKind AS kind, f.reason AS reason, f.note AS note, f.at AS at,
                                   f.status AS status, p.id AS personId, p.name AS personName,
                                   CASE WHEN t:Article THEN t.slug ELSE t.id END AS target,
                                   CASE WHEN t:Answer THEN 'Answer to: ' + q.title ELSE t.title END AS title,
                                   CASE WHEN t:Article THEN '/wiki/' + t.slug
                                        WHEN t:Question THEN '/questions/' + t.id
                                        ELSE '/questions/' + q.id + '#answer-' + t.id END AS link,
                                   CASE WHEN t:Article THEN t.status = 'hidden' ELSE coalesce(t.hidden, false) END AS hidden
                            ORDER BY f.at DESC
                            """).list();
            var groups = new LinkedHashMap<String, List<Record>>();
            for (Record r : rows) {
                groups.computeIfAbsent(
                                r.get("kind").asString() + "\u0000"
                                        + r.get("target").asString(),
                                k -> new ArrayList<>())
                        .add(r);
            }
            var items = new ArrayList<QueueItem>();
            for (List<Record> group : groups.values()) {
                Record first = group.getFirst();
                var reasons = new HashMap<String, Long>();
                group.forEach(r -> reasons.merge(r.get("reason").asString(), 1L, Long::sum));
                var sorted = new LinkedHashMap<String, Long>();
                reasons.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
                items.add(new QueueItem(
                        first.get("kind").asString(),
                        first.get("target").asString(),
                        first.get("title").isNull() ? "" : first.get("title").asString(),
                        first.get("link").asString(),
                        first.get("hidden").asBoolean(),
                        group.size(),
                        sorted,
                        instant(first.get("at")),
                        group.stream().map(r -> toFlag(r)).toList()));
            }
            items.sort((a, b) -> a.count() != b.count()
                    ? Integer.compare(b.count(), a.count())
                    : b.lastAt().compareTo(a.lastAt()));
            return items.stream().limit(limit).toList();
        });
    }

    /**
     * Hides content from readers and search, keeping it and its history; resolves its open flags.
     *
     * @throws NoSuchEntityException if there is no such content (deleted articles included)
     */
    public List<FlagOutcomes.Resolved> hide(String kind, String target, String actorId, String reason, Instant at) {
        return setHidden(kind, target, actorId, reason, at, true);
    }

    /** Makes hidden content visible again (and searchable). Restoring visible content changes nothing but the log. */
    public void restore(String kind, String target, String actorId, String reason, Instant at) {
        setHidden(kind, target, actorId, reason, at, false);
    }

    /** Hides or restores; hiding settles the open flags on the content, returned so their flaggers hear. */
    private List<FlagOutcomes.Resolved> setHidden(
            String kind, String target, String actorId, String reason, Instant at, boolean hide) {
        return graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            String node =
                    ContentNodes.nodeId(tx, kind, target).orElseThrow(() -> new NoSuchEntityException(kind, target));
            var params = new HashMap<String, Object>();
            params.put("node", node);
            params.put("seq", seq);
            params.put("by", actorId);
            params.put("reason", reason);
            params.put("at", datetime(at));
            params.put("hide", hide);
            switch (kind) {
                case "article" -> {
                    String articleId = tx.run("""
                                    MATCH (t:Article) WHERE elementId(t) = $node
                                    SET t.status = CASE WHEN $hide THEN 'hidden' ELSE 'active' END, t.seq = $seq,
                                        t.hiddenBy = CASE WHEN $hide THEN $by END,
                                        t.hiddenReason = CASE WHEN $hide THEN $reason END,
                                        t.hiddenAt = CASE WHEN $hide THEN $at END
                                    WITH t
                                    OPTIONAL MATCH (t)-[:ABOUT]->(s:Skill)
                                    SET s.seq = $seq
                                    RETURN DISTINCT t.id AS id
                                    """, params).single().get("id").asString();
                    WrittenAbout.refresh(tx, List.of(articleId), List.of());
                }
                case "question" -> tx.run("""
                                MATCH (t:Question) WHERE elementId(t) = $node
                                SET t.hidden = $hide, t.seq = $seq,
                                    t.hiddenBy = CASE WHEN $hide THEN $by END,
                                    t.hiddenReason = CASE WHEN $hide THEN $reason END,
                                    t.hiddenAt = CASE WHEN $hide THEN $at END
                                """, params).consume();
                default -> tx.run("""
                                MATCH (t:Answer)-[:ANSWERS]->(q:Question) WHERE elementId(t) = $node
                                SET t.hidden = $hide, q.seq = $seq,
                                    t.hiddenBy = CASE WHEN $hide THEN $by END,
                                    t.hiddenReason = CASE WHEN $hide THEN $reason END,
                                    t.hiddenAt = CASE WHEN $hide THEN $at END
                                """, params).consume();
            }
            List<FlagOutcomes.Resolved> settled = List.of();
            if (hide) {
                settled = tx.run("""
                                MATCH (p:Person)-[:FLAGGED]->(f:Flag {status: 'open'})-[:ON]->(t) WHERE elementId(t) = $node
                                SET f.status = 'resolved', f.resolution = 'hidden', f.resolvedBy = $by, f.resolvedAt = $at
                                RETURN f.id AS id, f.targetKind AS kind, f.targetId AS target, p.id AS flagger,
                                       f.reason AS reason
                                ORDER BY f.at, f.id
                                """, params)
                        .list(r -> new FlagOutcomes.Resolved(
                                r.get("id").asString(),
                                r.get("kind").asString(),
                                r.get("target").asString(),
                                r.get("flagger").asString(),
                                r.get("reason").asString()));
            }
            audit(tx, hide ? "hide" : "restore", kind, target, actorId, reason, at);
            return settled;
        });
    }

    /**
     * Resolves an open flag without acting on its content. False if the flag was already resolved.
     *
     * @throws NoSuchEntityException if there is no such flag
     */
    public boolean dismiss(String flagId, String actorId, Optional<String> reason, Instant at) {
        return graph.write(tx -> {
            ChangeSequence.next(tx);
            var rows = tx.run(
                            "MATCH (f:Flag {id: $id}) RETURN f.status AS status, f.targetKind AS kind, f.targetId AS target",
                            Map.of("id", flagId))
                    .list();
            if (rows.isEmpty()) {
                throw new NoSuchEntityException("flag", flagId);
            }
            Record f = rows.getFirst();
            if (!"open".equals(f.get("status").asString())) {
                return false;
            }
            tx.run("""
                            MATCH (f:Flag {id: $id})
                            SET f.status = 'resolved', f.resolution = 'dismissed', f.resolvedBy = $by, f.resolvedAt = $at
                            """, Map.of("id", flagId, "by", actorId, "at", datetime(at))).consume();
            audit(
                    tx,
                    "dismiss",
                    f.get("kind").asString(),
                    f.get("target").asString(),
                    actorId,
                    reason.orElse(null),
                    at);
            return true;
        });
    }

    /** The newest moderation audit events first (sign-in and account events are for admins only). */
    public List<AuditEvent> audit(int limit) {
        return graph.read(tx -> tx.run("""
                        MATCH (e:AuditEvent) WHERE e.targetKind IN $kinds
                        """ + AuditEvent.COLUMNS + """
                        ORDER BY e.at DESC, e.id LIMIT $limit
                        """, Map.of("limit", limit, "kinds", KINDS))
                .list(AuditEvent::from));
    }

    /**
     * Hidden content, the most recently hidden first: articles, questions, and answers (of visible
     * or hidden questions), each with a plain excerpt of its Markdown.
     */
    public List<HiddenItem> hiddenContent(int limit, int excerptChars) {
        return hiddenContent.list(limit, excerptChars);
    }

    /** Who hid this content and why; empty if it is visible or does not exist. */
    public Optional<Hidden> hidden(String kind, String target) {
        return hiddenContent.of(kind, target);
    }

    /** Appends to the audit log; part of the caller's transaction. */
    static void audit(
            TransactionContext tx, String action, String kind, String target, String actor, String reason, Instant at) {
        var params = new HashMap<String, Object>();
        params.put("id", UUID.randomUUID().toString());
        params.put("action", action);
        params.put("kind", kind);
        params.put("target", target);
        params.put("actor", actor);
        params.put("reason", reason);
        params.put("at", datetime(at));
        tx.run("""
                        CREATE (:AuditEvent {id: $id, action: $action, targetKind: $kind, targetId: $target,
                            actor: $actor, reason: $reason, at: $at})
                        """, params).consume();
    }

    private static Flag toFlag(Record r) {
        return new Flag(
                r.get("id").asString(),
                r.get("kind").asString(),
                r.get("target").asString(),
                new PersonRef(r.get("personId").asString(), r.get("personName").asString()),
                r.get("reason").asString(),
                optionalString(r.get("note")),
                instant(r.get("at")),
                r.get("status").asString());
    }
}
