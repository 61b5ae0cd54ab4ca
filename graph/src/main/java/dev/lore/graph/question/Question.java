package dev.lore.graph.question;

import dev.lore.graph.PersonRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A question with everything its page shows: the answers (accepted first, then most helpful), the
 * comments on the question, and the people it was routed to.
 */
public record Question(
        String id,
        String title,
        String markdown,
        List<String> skills,
        PersonRef asker,
        Instant askedAt,
        Instant updatedAt,
        Optional<String> acceptedAnswerId,
        List<Answer> answers,
        List<Comment> comments,
        List<PersonRef> askedOf,
        long seq) {
    public Question {
        skills = List.copyOf(skills);
        answers = List.copyOf(answers);
        comments = List.copyOf(comments);
        askedOf = List.copyOf(askedOf);
    }
}
