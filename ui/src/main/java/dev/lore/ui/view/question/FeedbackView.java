package dev.lore.ui.view.question;

import dev.lore.ui.view.common.PersonLinkView;
import java.util.List;

/**
 * Below an article: its comments, and the contributors the viewer can thank (empty when not signed
 * in; the viewer is never among them).
 */
public record FeedbackView(List<CommentView> comments, List<PersonLinkView> thankable, boolean signedIn) {
    public static FeedbackView none() {
        return new FeedbackView(List.of(), List.of(), false);
    }
}
