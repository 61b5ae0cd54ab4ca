package dev.lore.graph.audit;

import static dev.lore.graph.internal.Values.datetime;

import dev.lore.graph.Graph;
import dev.lore.graph.moderation.AuditEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit log for sign-in, sessions, tokens, provisioning and roles: the same {@code
 * (:AuditEvent)} nodes moderation appends to, with {@code targetKind: 'person'} (the person acted
 * on, or the name typed at a failed sign-in). {@code actor} is a person id, or {@code scim} (the
 * directory), {@code directory} (groups at a company sign-in) or {@code anonymous}. Thread-safe.
 */
public final class AuditLog {
    /** The target kind of every event here. */
    public static final String PERSON = "person";

    private final Graph graph;

    public AuditLog(Graph graph) {
        this.graph = graph;
    }

    /** Appends an event about {@code personId} (or the name typed). */
    public void record(String action, String personId, String actor, Optional<String> detail, Instant at) {
        var params = new HashMap<String, Object>();
        params.put("id", UUID.randomUUID().toString());
        params.put("action", action);
        params.put("kind", PERSON);
        params.put("target", left(personId, 200));
        params.put("actor", left(actor, 200));
        params.put("reason", detail.map(d -> left(d, 500)).orElse(null));
        params.put("at", datetime(at));
        graph.write(tx -> tx.run("""
                        CREATE (:AuditEvent {id: $id, action: $action, targetKind: $kind, targetId: $target,
                            actor: $actor, reason: $reason, at: $at})
                        """, params).consume());
    }

    /** Every audit event (these and moderation's), the newest first; {@code action} filters when given. */
    public List<AuditEvent> list(int limit, Optional<String> action) {
        return list(limit, action, Optional.empty());
    }

    /**
     * As {@link #list(int, Optional)}, also keeping only events about or by {@code person} (its
     * target or its actor) when given.
     */
    public List<AuditEvent> list(int limit, Optional<String> action, Optional<String> person) {
        var params = new HashMap<String, Object>();
        params.put("limit", limit);
        params.put("action", action.orElse(null));
        params.put("person", person.orElse(null));
        return graph.read(tx -> tx.run("""
                        MATCH (e:AuditEvent) WHERE ($action IS NULL OR e.action = $action)
                          AND ($person IS NULL OR e.targetId = $person OR e.actor = $person)
                        """ + AuditEvent.COLUMNS + """
                        ORDER BY e.at DESC, e.id LIMIT $limit
                        """, params).list(AuditEvent::from));
    }

    /** The actions the log holds, by name, for a filter to choose from. */
    public List<String> actions() {
        return graph.read(tx -> tx.run("MATCH (e:AuditEvent) RETURN DISTINCT e.action AS action ORDER BY action")
                .list(r -> r.get("action").asString()));
    }

    private static String left(String s, int max) {
        String printable = s.replaceAll("[\\x00-\\x1f\\x7f]", "?");
        return printable.length() <= max ? printable : printable.substring(0, max);
    }
}
