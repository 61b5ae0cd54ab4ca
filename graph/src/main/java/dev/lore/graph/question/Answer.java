package dev.lore.graph.question;

import dev.lore.graph.PersonRef;
import java.time.Instant;
import java.util.List;

/**
 * An answer to a question.
 *
 * @param voterIds the people who marked it helpful (one vote each)
 */
public record Answer(
        String id,
        String questionId,
        String markdown,
        PersonRef author,
        Instant at,
        boolean accepted,
        List<String> voterIds,
        List<Comment> comments) {
    public Answer {
        voterIds = List.copyOf(voterIds);
        comments = List.copyOf(comments);
    }

    /** How many people found it helpful. */
    public int helpful() {
        return voterIds.size();
    }
}
