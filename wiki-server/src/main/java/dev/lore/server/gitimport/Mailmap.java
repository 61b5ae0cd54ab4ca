package dev.lore.server.gitimport;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Git {@code .mailmap}, which maps the names and emails found in commits to people's proper ones.
 * JGit does not read mailmaps, so this parses the four forms {@code git-check-mailmap(1)} documents:
 *
 * <pre>
 * Proper Name &lt;commit@email&gt;
 * &lt;proper@email&gt; &lt;commit@email&gt;
 * Proper Name &lt;proper@email&gt; &lt;commit@email&gt;
 * Proper Name &lt;proper@email&gt; Commit Name &lt;commit@email&gt;
 * </pre>
 *
 * As in Git, emails and names are matched ignoring case, an entry naming the commit name wins over
 * one that does not, a later line overrides an earlier one for the same key, lines starting with
 * {@code #} are comments and anything after the last {@code >} is ignored. Immutable.
 */
public final class Mailmap {
    public static final Mailmap EMPTY = new Mailmap(Map.of());
    private static final Pattern ENTRY = Pattern.compile("([^<>]*)<([^<>]*)>");

    /** What to put in place of a commit's name or email; an empty field leaves that part as it is. */
    private record Replacement(String name, String email) {}

    /** Keyed by {@code email} (any name) or {@code email\0name}, both lowercase. */
    private final Map<String, Replacement> entries;

    private Mailmap(Map<String, Replacement> entries) {
        this.entries = entries;
    }

    /** A name and an email, as written in a commit or after mapping. */
    public record Identity(String name, String email) {
        public Identity {
            name = name == null ? "" : name.strip();
            email = email == null ? "" : email.strip();
        }
    }

    public static Mailmap parse(String text) {
        var entries = new HashMap<String, Replacement>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher m = ENTRY.matcher(trimmed);
            if (!m.find()) {
                continue;
            }
            String firstName = m.group(1).strip();
            String firstEmail = m.group(2).strip();
            if (m.find()) {
                // Proper Name? <proper@email> Commit Name? <commit@email>
                String commitName = m.group(1).strip();
                String commitEmail = m.group(2).strip();
                entries.put(key(commitEmail, commitName), new Replacement(firstName, firstEmail));
            } else if (!firstName.isEmpty()) {
                // Proper Name <commit@email>: only the name changes
                entries.put(key(firstEmail, ""), new Replacement(firstName, ""));
            }
        }
        return entries.isEmpty() ? EMPTY : new Mailmap(Map.copyOf(entries));
    }

    /** The proper identity for one found in a commit (the same one when no line applies). */
    public Identity map(Identity commit) {
        Replacement r = Optional.ofNullable(entries.get(key(commit.email(), commit.name())))
                .orElseGet(() -> entries.get(key(commit.email(), "")));
        if (r == null) {
            return commit;
        }
        return new Identity(
                r.name().isEmpty() ? commit.name() : r.name(), r.email().isEmpty() ? commit.email() : r.email());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static String key(String email, String name) {
        String e = email.strip().toLowerCase(Locale.ROOT);
        return name.isBlank() ? e : e + "\0" + name.strip().toLowerCase(Locale.ROOT);
    }
}
