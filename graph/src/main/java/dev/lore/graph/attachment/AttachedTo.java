package dev.lore.graph.attachment;

/**
 * The page an attachment belongs to. For an answer's file, {@code key} and {@code title} are its
 * question's, so a link goes to the question page.
 *
 * @param kind {@code article}, {@code question} or {@code answer}
 * @param id the article's, question's or answer's id
 * @param key the article's slug or the question's id: what its URL is made of
 * @param hidden hidden by a champion (or its question is), or deleted
 */
public record AttachedTo(String kind, String id, String key, String title, boolean hidden) {
    public boolean visible() {
        return !hidden;
    }

    /** The page's path in Lore: {@code /wiki/slug} or {@code /questions/id}. */
    public String path() {
        return kind.equals("article") ? "/wiki/" + key : "/questions/" + key;
    }
}
