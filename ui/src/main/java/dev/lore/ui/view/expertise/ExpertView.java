package dev.lore.ui.view.expertise;

import dev.lore.ui.view.common.LinkView;
import java.util.List;

/**
 * A ranked expert with the sentence that explains why and links to the articles behind it.
 *
 * @param strong among the clear strong set of a list; lists fold the others under "more"
 * @param contact how to reach them ({@link ContactView#NONE} where not shown)
 */
public record ExpertView(
        String personId,
        String name,
        String team,
        String title,
        String explanation,
        List<LinkView> articles,
        boolean strong,
        ContactView contact) {
    /** A strong expert without contact details. */
    public ExpertView(
            String personId, String name, String team, String title, String explanation, List<LinkView> articles) {
        this(personId, name, team, title, explanation, articles, true, ContactView.NONE);
    }

    /** The experts of {@code all} in the strong set. */
    public static List<ExpertView> strongOf(List<ExpertView> all) {
        return all.stream().filter(ExpertView::strong).toList();
    }

    /** The experts of {@code all} folded under "more". */
    public static List<ExpertView> moreOf(List<ExpertView> all) {
        return all.stream().filter(e -> !e.strong()).toList();
    }
}
