package dev.lore.graph.taught;

import java.util.List;
import java.util.Set;

/**
 * What a taught-me mark is about, as the rules and notices need it.
 *
 * @param id the article's or answer's id
 * @param title the article's title, or the title of the answer's question
 * @param url where it is shown, relative to Lore's root
 * @param authors who wrote it: an answer's author, or the contributors whose text is still in the
 *     article (a lasting share above zero)
 * @param contributors everyone who ever saved a revision of an article (for an answer, its author)
 */
public record Subject(
        Target target, String id, String title, String url, List<String> authors, Set<String> contributors) {
    public Subject {
        authors = List.copyOf(authors);
        contributors = Set.copyOf(contributors);
    }
}
