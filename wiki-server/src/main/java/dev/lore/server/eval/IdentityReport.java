package dev.lore.server.eval;

import dev.lore.server.gitimport.Mailmap.Identity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How a repository's Git identities (name and email as commits carry them) became people, so a
 * wrong merge (two people under one name) or a missed one (one person under two emails) shows.
 *
 * @param identities distinct commit identities
 * @param people the people they became
 * @param largest the people made of the most identities, most first, with their identities and commits
 */
public record IdentityReport(int identities, int people, List<Merge> largest) {
    static final int SHOWN = 5;

    /** One person and the identities merged into them, each with its number of commits. */
    public record Merge(String person, Map<Identity, Integer> identities) {}

    /** Groups {@code commits} (identity to number of commits) by the person {@code person} maps each to. */
    static IdentityReport of(Map<Identity, Integer> commits, Function<Identity, String> person) {
        var byPerson = new LinkedHashMap<String, Map<Identity, Integer>>();
        commits.forEach((identity, n) -> byPerson.computeIfAbsent(person.apply(identity), p -> new LinkedHashMap<>())
                .put(identity, n));
        var merges = new ArrayList<Merge>();
        byPerson.forEach((p, ids) -> {
            if (ids.size() > 1) {
                merges.add(new Merge(p, ids));
            }
        });
        merges.sort(Comparator.comparingInt((Merge m) -> m.identities().size())
                .reversed()
                .thenComparing(Merge::person));
        return new IdentityReport(
                commits.size(), byPerson.size(), List.copyOf(merges.subList(0, Math.min(SHOWN, merges.size()))));
    }
}
