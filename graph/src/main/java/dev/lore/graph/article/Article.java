package dev.lore.graph.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An article as it stands now: its current revision's content plus its metadata. A {@code hidden}
 * article was hidden by a champion: out of lists and search, shown only to champions. {@code
 * contributors} are names for display; {@code credits} what each contributor wrote of it. {@code
 * kind} is {@code article} or {@code lesson} (a lesson learned: the same page with its own template,
 * search type and sharing). An article waiting for a champion's review counts as hidden.
 */
public record Article(
        String id,
        String slug,
        String title,
        boolean deleted,
        int revision,
        String markdown,
        List<String> tags,
        List<String> skills,
        Optional<String> owner,
        List<String> contributors,
        Instant createdAt,
        Instant updatedAt,
        long seq,
        boolean hidden,
        List<Credit> credits,
        String kind) {
    public static final String ARTICLE = "article";
    public static final String LESSON = "lesson";

    public boolean isLesson() {
        return LESSON.equals(kind);
    }

    /**
     * One contributor's part of the current text (line share), number of edits, last edit, and
     * over the whole history the non-blank lines they added and their first edit.
     */
    public record Credit(String personId, double share, int edits, Instant lastAt, int added, Instant firstAt) {}
}
