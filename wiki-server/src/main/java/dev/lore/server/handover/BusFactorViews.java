package dev.lore.server.handover;

import dev.lore.graph.handover.BusFactorStore.Holder;
import dev.lore.ui.view.handover.BusFactorView;
import java.util.List;
import java.util.stream.Collectors;

/** The bus factor as the gaps page shows it. */
public final class BusFactorViews {
    private BusFactorViews() {}

    public static BusFactorView of(BusFactorService.BusFactor b) {
        return new BusFactorView(
                b.skills().stream()
                        .map(s -> new BusFactorView.Skill(
                                s.skill(),
                                s.experts(),
                                names(s.living()),
                                names(s.gone()),
                                s.pages(),
                                s.action(),
                                s.actionLabel()))
                        .toList(),
                b.pages().stream()
                        .map(p -> new BusFactorView.Page(
                                p.slug(),
                                p.title(),
                                p.gonePercent(),
                                String.join(", ", p.teams()),
                                p.action(),
                                p.actionLabel()))
                        .toList(),
                b.teams().stream()
                        .map(t -> new BusFactorView.Team(
                                t.team(),
                                t.active(),
                                t.left(),
                                t.soloSkills(),
                                t.lostSkills(),
                                t.orphanedPages(),
                                t.action()))
                        .toList());
    }

    private static String names(List<Holder> holders) {
        return holders.stream().map(Holder::name).collect(Collectors.joining(", "));
    }
}
