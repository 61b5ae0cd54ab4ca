package dev.lore.ui.view.question;

import dev.lore.ui.view.common.LinkView;
import java.util.List;

/**
 * An answer on a question page; {@code html} is sanitized.
 *
 * @param canVote the viewer is signed in, did not write it and has not voted yet
 * @param voted the viewer already marked it helpful
 * @param canAccept the viewer asked the question and this answer is not the accepted one
 * @param canThank the viewer is signed in and did not write it
 * @param canPromote the viewer is a champion, the answer is accepted and not yet an article
 * @param promotedTo the live article this answer became, if any
 * @param taughtMe the "this taught me something" block, with its notes (replaces the plain vote)
 */
public record AnswerView(
        String id,
        String html,
        String authorId,
        String authorName,
        String answered,
        int helpful,
        boolean accepted,
        boolean canVote,
        boolean voted,
        boolean canAccept,
        boolean canThank,
        List<CommentView> comments,
        boolean canPromote,
        java.util.Optional<LinkView> promotedTo,
        java.util.Optional<dev.lore.ui.view.taught.TaughtMeView> taughtMe) {}
