package dev.lore.graph.question;

import dev.lore.graph.PersonRef;
import java.time.Instant;
import java.util.List;

/** A question as lists show it. */
public record QuestionSummary(
        String id, String title, List<String> skills, PersonRef asker, Instant askedAt, int answers, boolean accepted) {
    public QuestionSummary {
        skills = List.copyOf(skills);
    }
}
