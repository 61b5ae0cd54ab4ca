package dev.lore.graph.moderation;

import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.optionalString;

import java.time.Instant;
import java.util.Optional;
import org.neo4j.driver.Record;

/**
 * One moderation action, kept for good: who ({@code actor}, a person id, and their name), what
 * ({@code action} on a target), when and why.
 */
public record AuditEvent(
        String id,
        String action,
        String targetKind,
        String targetId,
        String actor,
        String actorName,
        Optional<String> reason,
        Instant at) {

    /** What a query over {@code (e:AuditEvent)} returns for one event, after its MATCH clauses. */
    public static final String COLUMNS = """
            OPTIONAL MATCH (p:Person {id: e.actor})
            RETURN e.id AS id, e.action AS action, e.targetKind AS kind, e.targetId AS target,
                   e.actor AS actor, coalesce(p.name, e.actor) AS actorName, e.reason AS reason, e.at AS at
            """;

    /** One row of a query ending in {@link #COLUMNS}. */
    public static AuditEvent from(Record r) {
        return new AuditEvent(
                r.get("id").asString(),
                r.get("action").asString(),
                r.get("kind").asString(),
                r.get("target").asString(),
                r.get("actor").asString(),
                r.get("actorName").asString(),
                optionalString(r.get("reason")),
                instant(r.get("at")));
    }
}
