package dev.lore.indexer;

/**
 * A query as typed by a person, and the page of results wanted.
 *
 * @param offset how many hits to skip, 0 or more
 * @param limit how many hits to return, 1-100
 */
public record SearchRequest(String text, int offset, int limit) {
    public SearchRequest {
        text = text == null ? "" : text;
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
        }
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be 1-100, was " + limit);
        }
    }
}
