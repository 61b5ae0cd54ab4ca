package dev.lore.server.person;

import dev.lore.graph.person.Person;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds people from what someone typed to find a colleague ("who is my buddy"): part of a name (a
 * first name alone), a fragment of a team's name, or a skill written another way ("kube" for
 * Kubernetes, "nodejs" for Node.js). Every word typed must match the person's name, id, team or
 * a declared skill, as the whole of it, the start of one of its words, or anywhere inside it;
 * case, accents and punctuation do not count. People whose name, team or skill is exactly what
 * was typed come first, then those where a word starts with it, then those where it only appears
 * inside; ties by name. Thread-safe (no state).
 */
final class PeopleMatch {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** At most this many characters of typed text are matched. */
    static final int MAX_TEXT = 100;

    private static final int WHOLE = 100;
    private static final int WORD = 60;
    private static final int START = 30;
    private static final int INSIDE = 10;

    private PeopleMatch() {}

    /**
     * The people among {@code people} that {@code typed} names, best first.
     *
     * @param skills declared skill names by person id
     * @param skillName the skill a name stands for through its aliases ("k8s" for Kubernetes)
     */
    static List<Person> rank(
            String typed,
            List<Person> people,
            Map<String, List<String>> skills,
            Function<String, Optional<String>> skillName) {
        List<String> words = words(typed);
        if (words.isEmpty()) {
            return people;
        }
        String whole = String.join(" ", words);
        Optional<String> aliased = skillName.apply(typed.strip()).map(PeopleMatch::fold);
        record Scored(Person person, int score) {}
        var found = new ArrayList<Scored>();
        for (Person p : people) {
            var fields = new ArrayList<String>();
            fields.add(fold(p.name()));
            fields.add(fold(p.id()));
            fields.add(fold(p.team()));
            var declared = skills.getOrDefault(p.id(), List.of()).stream()
                    .map(PeopleMatch::fold)
                    .toList();
            fields.addAll(declared);
            int score = 0;
            boolean all = true;
            for (String word : words) {
                int best = 0;
                for (String field : fields) {
                    best = Math.max(best, wordScore(word, field));
                }
                if (best == 0) {
                    all = false;
                    break;
                }
                score += best;
            }
            if (!all) {
                continue;
            }
            if (fields.contains(whole) || aliased.filter(declared::contains).isPresent()) {
                score += WHOLE * words.size();
            }
            found.add(new Scored(p, score));
        }
        found.sort(Comparator.comparingInt(Scored::score)
                .reversed()
                .thenComparing(s -> s.person().name(), String.CASE_INSENSITIVE_ORDER));
        return found.stream().map(Scored::person).toList();
    }

    /** How well one typed word matches a field (0: not at all). */
    private static int wordScore(String word, String field) {
        if (field.isEmpty()) {
            return 0;
        }
        if (field.equals(word)) {
            return WHOLE;
        }
        for (String part : field.split(" ")) {
            if (part.equals(word)) {
                return WORD;
            }
            if (part.startsWith(word)) {
                return START;
            }
        }
        // written without the spaces or punctuation the name has: "nodejs", "devops"
        return field.replace(" ", "").contains(word) ? INSIDE : 0;
    }

    private static List<String> words(String typed) {
        String text = typed == null ? "" : typed;
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        String folded = fold(text);
        return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
    }

    /** Lowercase, accents removed, anything but letters and digits a single space. */
    static String fold(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD))
                .replaceAll("");
        return NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
