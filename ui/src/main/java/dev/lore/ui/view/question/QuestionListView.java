package dev.lore.ui.view.question;

import java.util.List;

/** The question list, all or only those without an answer. */
public record QuestionListView(List<QuestionRowView> questions, boolean unansweredOnly) {}
