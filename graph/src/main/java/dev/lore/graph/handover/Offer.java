package dev.lore.graph.handover;

import java.time.Instant;
import java.util.Optional;

/**
 * A page offered to a new owner: who it was offered to, by whom, why, and what became of it
 * ({@code pending}, {@code accepted}, {@code declined}, or {@code withdrawn} when another offer
 * replaced it).
 */
public record Offer(
        String id,
        String articleId,
        String slug,
        String title,
        String fromId,
        String toId,
        String toName,
        String byId,
        String why,
        String status,
        Instant at,
        Optional<Instant> answeredAt) {
    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";
    public static final String DECLINED = "declined";
    public static final String WITHDRAWN = "withdrawn";
}
