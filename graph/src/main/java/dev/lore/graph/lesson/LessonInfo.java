package dev.lore.graph.lesson;

import java.time.Instant;
import java.util.Optional;

/**
 * What Lore knows of a lesson beyond its page: how it is shared, who really wrote it (never shown
 * to readers of a team-shared lesson), whether it waits for a champion, and the incident or
 * project page it is about.
 *
 * @param voiceId the person the page is credited to when shared by the team (the team's voice)
 * @param sharedAs the team named as its author, empty when shared anonymously or attributed
 * @param review {@code none}, {@code pending} or {@code approved}
 * @param savedTime how many readers marked that it would have saved them time
 */
public record LessonInfo(
        String articleId,
        String slug,
        String title,
        Sharing sharing,
        String authorId,
        Optional<String> voiceId,
        Optional<String> sharedAs,
        String review,
        Optional<String> reviewedBy,
        Optional<String> incident,
        Instant sharedAt,
        long savedTime) {
    public boolean pending() {
        return "pending".equals(review);
    }

    public boolean teamShared() {
        return sharing == Sharing.TEAM;
    }
}
