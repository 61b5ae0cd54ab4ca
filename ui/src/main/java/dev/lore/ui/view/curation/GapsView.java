package dev.lore.ui.view.curation;

import java.util.List;

/** What people look for and do not find, each with the link to the action that fixes it. */
public record GapsView(
        int days,
        int unansweredDays,
        List<Search> searches,
        List<Question> questions,
        List<Skill> skills,
        dev.lore.ui.view.handover.BusFactorView busFactor,
        List<Request> requests) {
    public GapsView(int days, int unansweredDays, List<Search> searches, List<Question> questions, List<Skill> skills) {
        this(
                days,
                unansweredDays,
                searches,
                questions,
                skills,
                dev.lore.ui.view.handover.BusFactorView.NONE,
                List.of());
    }

    /** A search gap; {@code weak} of its {@code times} found only weak matches (and got no click). */
    public record Search(String query, long times, long weak, String last, String action) {}

    /** A page people asked for from a search: who asked ({@code askers}, id and name). */
    public record Request(String query, long times, List<Asker> askers, String last, String action) {}

    public record Asker(String id, String name) {}

    public record Question(String title, String asked, long days, String action) {}

    public record Skill(String name, long searches, long questions, long wantsToLearn, String action) {}
}
