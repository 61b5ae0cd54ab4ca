package dev.lore.server.handover;

import dev.lore.graph.handover.Contributor;
import dev.lore.graph.handover.HandoverStore;
import dev.lore.graph.handover.QueueItem;
import dev.lore.graph.person.Person;
import dev.lore.graph.person.PersonStore;
import dev.lore.server.Lore;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Role;
import dev.lore.server.expertise.ExpertService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whom Lore proposes as a page's new owner, from the graph, in this order: the people still here
 * with the largest lasting share of its text, then the strongest available experts on its skills,
 * then the champions of those skills (any champion when none holds them). Readers are left out
 * (they cannot edit), and so are the owner and Lore's own admin account. Someone found twice is
 * proposed once, with both reasons: "Wrote 40% of it; knows Terraform: endorsed by 3". Thread-safe.
 */
public final class Proposals {
    static final int CONTRIBUTORS = 3;
    static final int EXPERTS_PER_SKILL = 2;
    static final int SKILLS = 3;
    static final int CHAMPIONS = 2;
    static final int MAX = 5;

    private final HandoverStore store;
    private final ExpertService experts;
    private final PersonStore people;

    public Proposals(HandoverStore store, ExpertService experts, PersonStore people) {
        this.store = store;
        this.experts = experts;
        this.people = people;
    }

    public List<Proposal> forPage(QueueItem page) {
        var found = new LinkedHashMap<String, Found>();
        for (Contributor c : store.livingContributors(page.articleId(), page.ownerId(), CONTRIBUTORS)) {
            add(found, c.personId(), c.name(), "contributor", "Wrote " + percent(c.share()) + " of it");
        }
        for (String skill : page.skills().stream().limit(SKILLS).toList()) {
            for (ExpertService.Expert e : experts.experts(skill, EXPERTS_PER_SKILL, false, Set.of(page.ownerId()))) {
                String how = e.explanation().isBlank() ? "" : ": " + e.explanation();
                add(found, e.person().id(), e.person().name(), "expert", "Knows " + skill + how);
            }
        }
        for (var c : store.champions(page.skills(), page.ownerId(), CHAMPIONS)) {
            add(
                    found,
                    c.personId(),
                    c.name(),
                    "champion",
                    c.skills().isEmpty() ? "A champion" : "Champion, knows " + String.join(", ", c.skills()));
        }
        var out = new ArrayList<Proposal>();
        for (Found f : found.values()) {
            if (out.size() == MAX) {
                break;
            }
            Optional<Person> person = people.find(f.id);
            if (f.id.equals(Lore.ADMIN_ID) // Lore's own account is nobody to hand a page to
                    || person.isEmpty()
                    || !person.get().active()
                    || !AuthService.roleOf(person.get()).atLeast(Role.CONTRIBUTOR)) {
                continue;
            }
            out.add(new Proposal(f.id, f.name, f.source, String.join("; ", f.reasons) + "."));
        }
        return out;
    }

    private static void add(Map<String, Found> found, String id, String name, String source, String why) {
        found.computeIfAbsent(id, k -> new Found(id, name, source, new ArrayList<>()))
                .reasons
                .add(found.containsKey(id) && !found.get(id).reasons.isEmpty() ? lower(why) : why);
    }

    private static String lower(String s) {
        return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private record Found(String id, String name, String source, List<String> reasons) {}
}
