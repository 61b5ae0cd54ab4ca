package dev.lore.ui.view.question;

import dev.lore.ui.view.common.PersonLinkView;
import java.util.List;

/**
 * A question page: the question (sanitized {@code html}), whom it was asked of, its answers (the
 * accepted one first) and comments, and what the viewer may do.
 */
public record QuestionView(
        String id,
        String title,
        String html,
        List<String> skills,
        String askerId,
        String askerName,
        String asked,
        String askedIso,
        List<PersonLinkView> askedOf,
        List<AnswerView> answers,
        List<CommentView> comments,
        boolean signedIn) {}
