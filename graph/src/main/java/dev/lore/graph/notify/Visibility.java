package dev.lore.graph.notify;

/**
 * Whether what a notification (or webhook delivery) is about can still be seen: a page, question
 * or answer hidden by a moderator (or a page deleted) after the event withdraws it from the inbox,
 * email and webhooks. Checked when read and when delivered, not when written, so restoring the
 * content brings its waiting notifications back. The node carries {@code article} (slug),
 * {@code question} and {@code answer} (ids), each possibly absent.
 */
final class Visibility {
    private Visibility() {}

    /** A Cypher predicate that holds when the content behind node {@code alias} is visible. */
    static String visible(String alias) {
        return """
                (NOT EXISTS { MATCH (c:Article {slug: %1$s.article}) WHERE c.status IN ['hidden', 'deleted', 'review'] }
                 AND NOT EXISTS { MATCH (c:Question {id: %1$s.question}) WHERE c.hidden = true }
                 AND NOT EXISTS { MATCH (c:Answer {id: %1$s.answer}) WHERE c.hidden = true })""".formatted(alias);
    }
}
