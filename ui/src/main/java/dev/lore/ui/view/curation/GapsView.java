package dev.lore.ui.view.curation;

import java.util.List;

/** What people look for and do not find, each with the link to the action that fixes it. */
public record GapsView(
        int days,
        int unansweredDays,
        List<Search> searches,
        List<Question> questions,
        List<Skill> skills,
        dev.lore.ui.view.handover.BusFactorView busFactor) {
    public GapsView(int days, int unansweredDays, List<Search> searches, List<Question> questions, List<Skill> skills) {
        this(days, unansweredDays, searches, questions, skills, dev.lore.ui.view.handover.BusFactorView.NONE);
    }

    public record Search(String query, long times, String last, String action) {}

    public record Question(String title, String asked, long days, String action) {}

    public record Skill(String name, long searches, long questions, long wantsToLearn, String action) {}
}
