package dev.lore.graph.question;

import java.time.Instant;
import java.util.List;

/**
 * A question as the search index needs it: its own Markdown and that of its answers and comments,
 * and everyone who wrote any of it (hidden answers left out). A {@code hidden} question is to be
 * removed from the index.
 */
public record IndexedQuestion(
        String id,
        String title,
        String markdown,
        List<String> answers,
        List<String> comments,
        List<String> skills,
        List<String> authors,
        Instant updatedAt,
        long seq,
        boolean hidden) {
    public IndexedQuestion {
        answers = List.copyOf(answers);
        comments = List.copyOf(comments);
        skills = List.copyOf(skills);
        authors = List.copyOf(authors);
    }
}
