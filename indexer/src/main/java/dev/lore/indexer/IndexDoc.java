package dev.lore.indexer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One searchable thing as the index sees it: plain text, no Markdown, no graph types.
 *
 * @param headings the section headings of the body, which rank a little above plain body text
 */
public record IndexDoc(
        String id,
        String type,
        String slug,
        String title,
        String body,
        List<String> tags,
        List<String> skills,
        List<String> authors,
        Instant updatedAt,
        List<String> headings) {
    public IndexDoc {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(title, "title must not be null");
        slug = Objects.requireNonNullElse(slug, "");
        body = Objects.requireNonNullElse(body, "");
        tags = List.copyOf(tags);
        skills = List.copyOf(skills);
        authors = List.copyOf(authors);
        updatedAt = Objects.requireNonNullElse(updatedAt, Instant.EPOCH);
        headings = List.copyOf(headings);
    }

    /** A document without headings (people, skills, plain text). */
    public IndexDoc(
            String id,
            String type,
            String slug,
            String title,
            String body,
            List<String> tags,
            List<String> skills,
            List<String> authors,
            Instant updatedAt) {
        this(id, type, slug, title, body, tags, skills, authors, updatedAt, List.of());
    }
}
