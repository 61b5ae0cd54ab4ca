package dev.lore.graph.expertise;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises skill names so that "Kubernetes", "kubernetes ", "K8s" and "k8s" are one skill, and
 * "Microservice" and "microservices" too. A skill has a key (what Lore matches on) and a display
 * name (what people see). Well-known abbreviations map to their full name here; a champion can add
 * more aliases per store (see {@code SkillStore.addAlias}).
 */
public final class SkillNames {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Common abbreviations and spellings, by folded key, with the display name they stand for. */
    private static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("k8s", "Kubernetes"),
            Map.entry("kube", "Kubernetes"),
            Map.entry("js", "JavaScript"),
            Map.entry("ecmascript", "JavaScript"),
            Map.entry("ts", "TypeScript"),
            Map.entry("postgre", "PostgreSQL"),
            Map.entry("postgresql", "PostgreSQL"),
            Map.entry("pg", "PostgreSQL"),
            Map.entry("psql", "PostgreSQL"),
            Map.entry("golang", "Go"),
            Map.entry("ml", "Machine learning"),
            Map.entry("ai", "Artificial intelligence"),
            Map.entry("tf", "Terraform"),
            Map.entry("gcp", "Google Cloud"),
            Map.entry("amazon web service", "AWS"),
            Map.entry("py", "Python"),
            Map.entry("python3", "Python"),
            Map.entry("ci/cd", "CI/CD"),
            Map.entry("cicd", "CI/CD"),
            Map.entry("continuous integration", "CI/CD"),
            Map.entry("sre", "Site reliability engineering"),
            Map.entry("site reliability", "Site reliability engineering"),
            Map.entry("ux", "User experience"),
            Map.entry("a11y", "Accessibility"),
            Map.entry("i18n", "Internationalization"),
            Map.entry("internationalisation", "Internationalization"),
            Map.entry("o11y", "Observability"));

    private SkillNames() {}

    /** A normalised skill: the key Lore matches on and the name to show. */
    public record Skill(String key, String name) {}

    /** The skill a name stands for; empty for a blank name. */
    public static Optional<Skill> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String display = SPACES.matcher(name.strip()).replaceAll(" ");
        if (display.isEmpty()) {
            return Optional.empty();
        }
        String folded = fold(display);
        String canonical = BUILT_IN.get(folded);
        if (canonical != null) {
            return Optional.of(new Skill(fold(canonical), canonical));
        }
        return Optional.of(new Skill(folded, display));
    }

    /** Distinct skills of some names as Cypher parameters {@code {key, name}}, first spelling kept. */
    public static List<Map<String, Object>> params(Collection<String> names) {
        var byKey = new LinkedHashMap<String, Map<String, Object>>();
        for (String name : names) {
            of(name).ifPresent(s -> byKey.putIfAbsent(s.key(), Map.of("key", s.key(), "name", s.name())));
        }
        return List.copyOf(byKey.values());
    }

    /** The key of a name: lowercase, accents removed, whitespace collapsed, a final plural folded. */
    public static String key(String name) {
        return of(name).map(Skill::key).orElse("");
    }

    static String fold(String name) {
        String plain =
                MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String lower = SPACES.matcher(plain.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        int lastSpace = lower.lastIndexOf(' ');
        String head = lower.substring(0, lastSpace + 1);
        String last = lower.substring(lastSpace + 1);
        return head + singular(last);
    }

    /** English plural to singular for the common regular forms; short words are left alone. */
    private static String singular(String word) {
        if (word.length() <= 3) {
            return word;
        }
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("shes") || word.endsWith("ches") || word.endsWith("xes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
