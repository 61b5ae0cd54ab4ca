package dev.lore.ui.view.question;

import java.util.List;

/** A question in a list: who asked, when ("3 days ago"), how many answers, whether one is accepted. */
public record QuestionRowView(
        String id, String title, List<String> skills, String askerName, String asked, int answers, boolean accepted) {}
