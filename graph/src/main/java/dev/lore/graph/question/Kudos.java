package dev.lore.graph.question;

import dev.lore.graph.PersonRef;
import java.time.Instant;

/**
 * Thanks from one person to another for one article or answer.
 *
 * @param kind {@code article} or {@code answer}
 * @param targetKey the article's slug or the answer's question id, for links
 * @param title the article's or question's title
 */
public record Kudos(
        String id,
        PersonRef from,
        PersonRef to,
        String kind,
        String targetKey,
        String title,
        String note,
        Instant at) {}
