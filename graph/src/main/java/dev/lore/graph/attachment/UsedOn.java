package dev.lore.graph.attachment;

/**
 * A page whose current text shows or links a file: {@code kind} article, question or answer;
 * {@code key} the article's slug or the question's id (an answer is reached through its question).
 */
public record UsedOn(String kind, String key, String title) {
    /** The page's path in Lore: {@code /wiki/slug} or {@code /questions/id}. */
    public String path() {
        return kind.equals("article") ? "/wiki/" + key : "/questions/" + key;
    }
}
