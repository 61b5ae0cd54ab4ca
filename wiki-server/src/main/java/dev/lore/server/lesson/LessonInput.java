package dev.lore.server.lesson;

import dev.lore.graph.lesson.Sharing;
import dev.lore.server.article.ArticleInput;
import java.util.List;
import java.util.Optional;

/**
 * A lesson as its author submits it: the page, how it is shared, whether a champion looks first,
 * and the incident or project page it is about (a slug or a page title).
 */
public record LessonInput(
        Optional<String> title,
        String markdown,
        Optional<List<String>> tags,
        Optional<List<String>> skills,
        Sharing sharing,
        boolean review,
        Optional<String> incident) {
    ArticleInput page() {
        return new ArticleInput(
                title, markdown, tags, skills, Optional.empty(), Optional.of("Shared a lesson"), Optional.of("lesson"));
    }
}
