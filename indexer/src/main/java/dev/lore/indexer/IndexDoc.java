package dev.lore.indexer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One searchable thing as the index sees it: plain text, no Markdown, no graph types.
 *
 * @param headings the section headings of the body, which rank a little above plain body text
 * @param credits who wrote how much of an article's current text, kept with it so expert finding
 *     reads a found article's contributors from the index (empty for other types)
 * @param kinds further types the document is also found and counted under (a lesson is an
 *     article that {@code type:lesson} finds too); {@code type} stays the one that names it
 * @param marks how many people marked the page "this taught me something" (a small boost in
 *     ranking, see {@link MarksBoost})
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
        List<String> headings,
        List<Credit> credits,
        List<String> kinds,
        int marks) {
    /**
     * One contributor of an article: share of its current lines, edits, last edit, and over the
     * whole history the non-blank lines they added and their first edit.
     */
    public record Credit(String personId, double share, int edits, Instant lastAt, int added, Instant firstAt) {
        public Credit {
            Objects.requireNonNull(personId, "personId must not be null");
            Objects.requireNonNull(lastAt, "lastAt must not be null");
            Objects.requireNonNull(firstAt, "firstAt must not be null");
        }

        /** A contributor whose history is not known: nothing added, first edit the last. */
        public Credit(String personId, double share, int edits, Instant lastAt) {
            this(personId, share, edits, lastAt, 0, lastAt);
        }
    }

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
        credits = List.copyOf(credits);
        kinds = List.copyOf(kinds);
        if (marks < 0) {
            throw new IllegalArgumentException("marks must not be negative, was " + marks);
        }
    }

    /**
     * A document of one type, without headings or credits, that nobody has marked yet (people,
     * skills, plain text); the {@code with*} methods add the rest.
     */
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
        this(id, type, slug, title, body, tags, skills, authors, updatedAt, List.of(), List.of(), List.of(), 0);
    }

    /** This document with the section headings of its body. */
    public IndexDoc withHeadings(List<String> headings) {
        return new IndexDoc(
                id, type, slug, title, body, tags, skills, authors, updatedAt, headings, credits, kinds, marks);
    }

    /** This document with who wrote how much of it. */
    public IndexDoc withCredits(List<Credit> credits) {
        return new IndexDoc(
                id, type, slug, title, body, tags, skills, authors, updatedAt, headings, credits, kinds, marks);
    }

    /** This document also found and counted under {@code kinds}. */
    public IndexDoc withKinds(List<String> kinds) {
        return new IndexDoc(
                id, type, slug, title, body, tags, skills, authors, updatedAt, headings, credits, kinds, marks);
    }

    /** This document marked by {@code marks} people. */
    public IndexDoc withMarks(int marks) {
        return new IndexDoc(
                id, type, slug, title, body, tags, skills, authors, updatedAt, headings, credits, kinds, marks);
    }
}
