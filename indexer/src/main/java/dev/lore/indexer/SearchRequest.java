package dev.lore.indexer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A search: the text as typed (see {@link UserQuery} for its syntax), facet selections that narrow
 * the results, the order, and the page wanted.
 *
 * @param types, tags, skills, authors facet selections; several values in one facet mean any of them
 * @param updated a freshness bucket ("week", "month", "year", "older") or empty for any
 * @param now the moment freshness is measured from
 * @param offset how many hits to skip, 0 or more
 * @param limit how many hits to return, 1-100
 */
public record SearchRequest(
        String text,
        List<String> types,
        List<String> tags,
        List<String> skills,
        List<String> authors,
        String updated,
        Order order,
        Instant now,
        int offset,
        int limit) {

    /** Result order: by relevance (ties broken by recency, then id) or most recently updated first. */
    public enum Order {
        RELEVANCE,
        RECENT
    }

    public SearchRequest {
        text = text == null ? "" : text;
        types = List.copyOf(types);
        tags = List.copyOf(tags);
        skills = List.copyOf(skills);
        authors = List.copyOf(authors);
        updated = updated == null ? "" : updated;
        order = Objects.requireNonNullElse(order, Order.RELEVANCE);
        now = Objects.requireNonNullElseGet(now, Instant::now);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
        }
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be 1-100, was " + limit);
        }
    }

    /** Plain text, relevance order, no facet selection. */
    public SearchRequest(String text, int offset, int limit) {
        this(text, List.of(), List.of(), List.of(), List.of(), "", Order.RELEVANCE, Instant.now(), offset, limit);
    }
}
