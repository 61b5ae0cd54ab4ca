package dev.lore.ui.view.handover;

import java.util.List;

/** The bus factor on the gaps page: each row with the action that fixes it. */
public record BusFactorView(List<Skill> skills, List<Page> pages, List<Team> teams) {
    public static final BusFactorView NONE = new BusFactorView(List.of(), List.of(), List.of());

    /** A skill with one expert still here, or none: {@code who} names them, {@code gone} those who left. */
    public record Skill(
            String name, int experts, String who, String gone, long pages, String action, String actionLabel) {}

    public record Page(String slug, String title, int gonePercent, String teams, String action, String actionLabel) {}

    public record Team(
            String team, long active, long left, int soloSkills, int lostSkills, int orphanedPages, String action) {}
}
