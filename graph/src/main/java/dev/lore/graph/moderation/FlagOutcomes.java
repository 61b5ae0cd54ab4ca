package dev.lore.graph.moderation;

import static dev.lore.graph.internal.Values.datetime;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.internal.ChangeSequence;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;

/**
 * How a champion settles one flag: dismissed, sent to the content's owner to fix, or fixed. The
 * flag leaves the review queue, the action is logged, and the caller learns who flagged it (so they
 * can hear the outcome). Thread-safe.
 */
public final class FlagOutcomes {
    /** How a flag was settled: the audit log's action and the flag's resolution. */
    public enum Outcome {
        DISMISSED("dismiss", "dismissed"),
        SENT_TO_OWNER("send-to-owner", "sent-to-owner"),
        FIXED("fixed", "fixed"),
        /** Settled by hiding the content ({@code ModerationStore.hide}, which logs the hide itself). */
        HIDDEN("hide", "hidden");

        private final String action;
        private final String resolution;

        Outcome(String action, String resolution) {
            this.action = action;
            this.resolution = resolution;
        }

        public String resolution() {
            return resolution;
        }
    }

    /** A flag just settled: what it was on, who raised it and why. */
    public record Resolved(String flagId, String targetKind, String targetId, String flaggerId, String reason) {}

    private final Graph graph;

    public FlagOutcomes(Graph graph) {
        this.graph = graph;
    }

    /**
     * Settles the open flag {@code flagId}; empty if it was already settled.
     *
     * @throws NoSuchEntityException if there is no such flag
     */
    public Optional<Resolved> resolve(
            String flagId, String actorId, Outcome outcome, Optional<String> note, Instant at) {
        return graph.write(tx -> {
            ChangeSequence.next(tx);
            var rows = tx.run("""
                            MATCH (p:Person)-[:FLAGGED]->(f:Flag {id: $id})
                            RETURN f.status AS status, f.targetKind AS kind, f.targetId AS target,
                                   p.id AS flagger, f.reason AS reason
                            """, Map.of("id", flagId)).list();
            if (rows.isEmpty()) {
                throw new NoSuchEntityException("flag", flagId);
            }
            Record f = rows.getFirst();
            if (!"open".equals(f.get("status").asString())) {
                return Optional.empty();
            }
            var params = new HashMap<String, Object>();
            params.put("id", flagId);
            params.put("by", actorId);
            params.put("at", datetime(at));
            params.put("resolution", outcome.resolution);
            params.put("note", note.orElse(null));
            tx.run("""
                            MATCH (f:Flag {id: $id})
                            SET f.status = 'resolved', f.resolution = $resolution, f.resolvedBy = $by,
                                f.resolvedAt = $at, f.resolutionNote = $note
                            """, params).consume();
            String kind = f.get("kind").asString();
            String target = f.get("target").asString();
            ModerationStore.audit(tx, outcome.action, kind, target, actorId, note.orElse(null), at);
            return Optional.of(new Resolved(
                    flagId,
                    kind,
                    target,
                    f.get("flagger").asString(),
                    f.get("reason").asString()));
        });
    }
}
