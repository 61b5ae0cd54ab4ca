package dev.lore.graph.handover;

import java.time.Instant;
import java.util.Objects;

/**
 * A person leaving the company ({@code left}) or their team ({@code moved}), as recorded when it
 * happened: the team they were in, the one they went to (empty when they left) and who made the change.
 */
public record Departure(
        String id, String personId, String reason, String fromTeam, String toTeam, String by, Instant at) {
    public static final String LEFT = "left";
    public static final String MOVED = "moved";

    public Departure {
        Objects.requireNonNull(personId, "personId must not be null");
        if (!reason.equals(LEFT) && !reason.equals(MOVED)) {
            throw new IllegalArgumentException("reason must be left or moved, was '" + reason + "'");
        }
        fromTeam = Objects.requireNonNullElse(fromTeam, "");
        toTeam = Objects.requireNonNullElse(toTeam, "");
    }
}
