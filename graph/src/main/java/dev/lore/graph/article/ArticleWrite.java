package dev.lore.graph.article;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One save of an article: the full new content and who made it.
 *
 * @param titleKey the title reduced to a link key (the slug form), so wiki links find it by title
 * @param linkKeys the link keys of every wiki link in the body, resolved or not
 * @param kind what sort of page it is ({@code article}, {@code lesson}); empty keeps the current
 *     kind on an update and means {@code article} on a create
 */
public record ArticleWrite(
        String title,
        String titleKey,
        String markdown,
        List<String> tags,
        List<String> skills,
        Optional<String> owner,
        List<String> linkKeys,
        String message,
        String authorId,
        Instant at,
        Optional<String> kind) {
    /** A write that keeps the page's kind. */
    public ArticleWrite(
            String title,
            String titleKey,
            String markdown,
            List<String> tags,
            List<String> skills,
            Optional<String> owner,
            List<String> linkKeys,
            String message,
            String authorId,
            Instant at) {
        this(title, titleKey, markdown, tags, skills, owner, linkKeys, message, authorId, at, Optional.empty());
    }

    public ArticleWrite {
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(titleKey, "titleKey must not be null");
        Objects.requireNonNull(markdown, "markdown must not be null");
        Objects.requireNonNull(authorId, "authorId must not be null");
        Objects.requireNonNull(at, "at must not be null");
        tags = List.copyOf(tags);
        skills = List.copyOf(skills);
        linkKeys = List.copyOf(linkKeys);
        owner = Objects.requireNonNullElse(owner, Optional.empty());
        message = Objects.requireNonNullElse(message, "");
        kind = Objects.requireNonNullElse(kind, Optional.empty());
    }
}
