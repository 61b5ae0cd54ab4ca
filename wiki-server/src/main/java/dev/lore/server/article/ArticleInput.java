package dev.lore.server.article;

import java.util.List;
import java.util.Optional;

/**
 * What a person submits when saving an article. Absent title, tags, skills or owner fall back to
 * the Markdown's front matter; an absent kind keeps the page's kind ({@code article} for a new one).
 */
public record ArticleInput(
        Optional<String> title,
        String markdown,
        Optional<List<String>> tags,
        Optional<List<String>> skills,
        Optional<String> owner,
        Optional<String> message,
        Optional<String> kind) {
    public ArticleInput(
            Optional<String> title,
            String markdown,
            Optional<List<String>> tags,
            Optional<List<String>> skills,
            Optional<String> owner,
            Optional<String> message) {
        this(title, markdown, tags, skills, owner, message, Optional.empty());
    }

    /** This input as a page of {@code kind}. */
    public ArticleInput withKind(String kind) {
        return new ArticleInput(title, markdown, tags, skills, owner, message, Optional.of(kind));
    }
}
