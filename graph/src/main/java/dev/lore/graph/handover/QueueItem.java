package dev.lore.graph.handover;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A live page whose owner left or moved team and that has no new owner yet: the page, its owner,
 * why it is here, the team the owner was in, its skills, the offer waiting for an answer and the
 * last one declined.
 *
 * @param reason {@code left} or {@code moved}
 * @param since when the owner left or moved, when Lore recorded it
 */
public record QueueItem(
        String articleId,
        String slug,
        String title,
        String ownerId,
        String ownerName,
        String reason,
        String team,
        Optional<Instant> since,
        List<String> skills,
        Optional<Offer> pending,
        Optional<Offer> declined) {}
