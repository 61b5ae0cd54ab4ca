package dev.lore.server.handover;

import dev.lore.graph.handover.BusFactorStore;
import dev.lore.graph.handover.BusFactorStore.Holder;
import dev.lore.ui.Urls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bus factor on the gaps page: skills whose experts are one or none still here, pages whose
 * lasting text is mostly by people who left, and per team how much rests on few people. Each row
 * carries the action that fixes it. Thread-safe.
 */
public final class BusFactorService {
    static final int MAX_ITEMS = 100;

    private final BusFactorStore store;

    public BusFactorService(BusFactorStore store) {
        this.store = store;
    }

    /**
     * A skill at risk: {@code experts} is how many still here know it (0 or 1).
     *
     * @param risk {@code gone} (everyone who knew it left) or {@code one} (one person knows it)
     */
    public record SkillRisk(
            String skill,
            int experts,
            List<Holder> living,
            List<Holder> gone,
            long pages,
            String risk,
            String action,
            String actionLabel) {}

    public record PageRisk(
            String slug, String title, int gonePercent, List<String> teams, String action, String actionLabel) {}

    /**
     * A team: people still here and gone, skills only one of its people knows ({@code soloSkills}),
     * skills whose experts from it all left ({@code lostSkills}), pages mostly written by its people
     * who left.
     */
    public record TeamRisk(
            String team, long active, long left, int soloSkills, int lostSkills, int orphanedPages, String action) {}

    public record BusFactor(List<SkillRisk> skills, List<PageRisk> pages, List<TeamRisk> teams) {}

    public BusFactor busFactor() {
        var skills =
                store.skills(MAX_ITEMS).stream().map(BusFactorService::skill).toList();
        var pages = store.orphanedPages(MAX_ITEMS).stream()
                .map(p -> new PageRisk(
                        p.slug(),
                        p.title(),
                        (int) Math.round(Math.min(1.0, p.goneShare()) * 100),
                        p.teams(),
                        p.ownerActive() ? "/wiki/" + Urls.encode(p.slug()) : "/handover#page-" + p.slug(),
                        p.ownerActive() ? "Review it with its owner" : "Hand it over"))
                .toList();
        Map<String, int[]> perTeam = new TreeMap<>(); // solo, lost, orphaned
        for (SkillRisk s : skills) {
            if (s.experts() == 1) {
                count(perTeam, s.living().getFirst().team(), 0);
            } else {
                s.gone().stream().map(Holder::team).distinct().forEach(t -> count(perTeam, t, 1));
            }
        }
        for (PageRisk p : pages) {
            p.teams().forEach(t -> count(perTeam, t, 2));
        }
        var teams = new ArrayList<TeamRisk>();
        for (var size : store.teams()) {
            int[] c = perTeam.getOrDefault(size.team(), new int[3]);
            if (c[0] + c[1] + c[2] == 0 && size.left() == 0) {
                continue;
            }
            teams.add(new TeamRisk(
                    size.team(),
                    size.active(),
                    size.left(),
                    c[0],
                    c[1],
                    c[2],
                    "/handover?team=" + Urls.encode(size.team())));
        }
        teams.sort((a, b) -> Integer.compare(
                b.lostSkills() * 3 + b.orphanedPages() * 2 + b.soloSkills(),
                a.lostSkills() * 3 + a.orphanedPages() * 2 + a.soloSkills()));
        return new BusFactor(skills, pages, teams);
    }

    private static void count(Map<String, int[]> perTeam, String team, int which) {
        if (!team.isEmpty()) {
            perTeam.computeIfAbsent(team, t -> new int[3])[which]++;
        }
    }

    private static SkillRisk skill(BusFactorStore.SkillRisk s) {
        String page = "/skills/" + Urls.encode(s.name());
        if (s.living().isEmpty()) {
            return new SkillRisk(
                    s.name(), 0, s.living(), s.gone(), s.pages(), "gone", page, "Find someone to take it on");
        }
        Holder only = s.living().getFirst();
        return new SkillRisk(
                s.name(),
                1,
                s.living(),
                s.gone(),
                s.pages(),
                "one",
                "/people/" + Urls.encode(only.id()),
                "Ask " + only.name() + " to write it down or teach someone");
    }
}
