package dev.lore.server.person;

import dev.lore.graph.person.Person;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The directory's skill filter. A skill named exactly (or through an alias) keeps the people who
 * declared that skill, as before; a name that is no skill keeps the people with a declared skill
 * it starts a word of or appears in once punctuation is left out ("kube" for Kubernetes, "nodejs"
 * for Node.js), so a skill written differently still finds its people.
 */
final class SkillFilter {
    private SkillFilter() {}

    static Predicate<Person> of(
            String skill, Function<String, Optional<String>> skillName, Map<String, List<String>> declared) {
        Optional<String> named = skillName.apply(skill);
        if (named.isPresent()) {
            String wanted = named.get();
            return p -> declared.getOrDefault(p.id(), List.of()).stream().anyMatch(wanted::equalsIgnoreCase);
        }
        String folded = PeopleMatch.fold(skill);
        if (folded.isEmpty()) {
            return p -> false;
        }
        String joined = folded.replace(" ", "");
        return p -> declared.getOrDefault(p.id(), List.of()).stream()
                .map(PeopleMatch::fold)
                .anyMatch(s -> s.equals(folded)
                        || (" " + s).contains(" " + folded)
                        || s.replace(" ", "").contains(joined));
    }
}
