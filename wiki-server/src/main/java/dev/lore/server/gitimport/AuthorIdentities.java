package dev.lore.server.gitimport;

import dev.lore.server.gitimport.Mailmap.Identity;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Merges the names and emails commits carry into people. First the {@code .mailmap} maps each
 * commit identity to a proper one; then identities that share a normalised email (lowercase) or a
 * normalised name (lowercase, accents stripped, whitespace collapsed) are one person. Each person is
 * found, in this order, through identity keys stored by an earlier import (so a person keeps their
 * id across runs), through a Lore person with one of their emails, or is new: the id then comes from
 * the local part of their most used email, made slug-safe and unique.
 *
 * <p>Pure: what Lore already holds comes in as arguments, what to create or store goes out in the
 * {@link Resolution}.
 */
public final class AuthorIdentities {
    static final int MAX_ID = 64;
    private static final String GITHUB_NOREPLY = "users.noreply.github.com";

    private AuthorIdentities() {}

    /** An identity as commits name it, how many commits did and when the latest was. */
    public record Seen(Identity identity, int commits, Instant last) {}

    /** A person to create. */
    public record NewPerson(String id, String name, String email) {}

    /**
     * The outcome.
     *
     * @param personByIdentity the person id for every commit identity given
     * @param newPeople people to create before anything is credited to them
     * @param newKeys identity keys to store, with their person id
     */
    public record Resolution(
            Map<Identity, String> personByIdentity, List<NewPerson> newPeople, Map<String, String> newKeys) {}

    /**
     * Resolves commit identities to people.
     *
     * @param seen every distinct commit identity, in the order they first appear
     * @param storedKeys identity keys from earlier imports and their person ids
     * @param personByEmail Lore people by lowercase email
     * @param idTaken whether a person id is already used in Lore
     */
    public static Resolution resolve(
            Collection<Seen> seen,
            Mailmap mailmap,
            Map<String, String> storedKeys,
            Map<String, String> personByEmail,
            Predicate<String> idTaken) {
        List<Seen> all = List.copyOf(seen);
        List<Identity> mapped = all.stream().map(s -> mailmap.map(s.identity())).toList();
        int[] parent = new int[all.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        var firstWithKey = new HashMap<String, Integer>();
        for (int i = 0; i < all.size(); i++) {
            for (String key : keys(mapped.get(i))) {
                Integer other = firstWithKey.putIfAbsent(key, i);
                if (other != null) {
                    union(parent, other, i);
                }
            }
        }
        var clusters = new LinkedHashMap<Integer, List<Integer>>();
        for (int i = 0; i < all.size(); i++) {
            clusters.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(i);
        }

        var personByIdentity = new LinkedHashMap<Identity, String>();
        var newPeople = new ArrayList<NewPerson>();
        var newKeys = new LinkedHashMap<String, String>();
        Set<String> allocated = new HashSet<>();
        for (List<Integer> members : clusters.values()) {
            String email = mostUsed(members, all, i -> mapped.get(i).email());
            String name = mostUsed(members, all, i -> mapped.get(i).name());
            // Keys by weight: the most used email first, then other emails, then names.
            var keys = new LinkedHashSet<String>();
            if (!email.isBlank()) {
                keys.add(emailKey(email));
            }
            members.forEach(i -> keys(mapped.get(i)).stream()
                    .filter(k -> k.startsWith("email:"))
                    .forEach(keys::add));
            if (!normalisedName(name).isEmpty()) {
                keys.add(nameKey(name));
            }
            members.forEach(i -> keys.addAll(keys(mapped.get(i))));

            String personId = keys.stream()
                    .filter(storedKeys::containsKey)
                    .map(storedKeys::get)
                    .findFirst()
                    .or(() -> keys.stream()
                            .filter(k -> k.startsWith("email:"))
                            .map(k -> personByEmail.get(k.substring("email:".length())))
                            .filter(java.util.Objects::nonNull)
                            .findFirst())
                    .orElse(null);
            if (personId == null) {
                personId = uniqueId(baseId(email, name), id -> idTaken.test(id) || allocated.contains(id));
                allocated.add(personId);
                newPeople.add(new NewPerson(personId, displayName(name, email), email));
            }
            for (String key : keys) {
                if (!storedKeys.containsKey(key)) {
                    newKeys.put(key, personId);
                }
            }
            for (int i : members) {
                personByIdentity.put(all.get(i).identity(), personId);
            }
        }
        return new Resolution(personByIdentity, newPeople, newKeys);
    }

    /** The keys two identities must share one of to be the same person. */
    public static List<String> keys(Identity identity) {
        var keys = new ArrayList<String>(2);
        if (!identity.email().isBlank()) {
            keys.add(emailKey(identity.email()));
        }
        String name = normalisedName(identity.name());
        if (!name.isEmpty()) {
            keys.add("name:" + name);
        }
        return keys;
    }

    private static String emailKey(String email) {
        return "email:" + email.strip().toLowerCase(Locale.ROOT);
    }

    private static String nameKey(String name) {
        return "name:" + normalisedName(name);
    }

    /** Lowercase, accents stripped, whitespace collapsed: "José  Núñez" and "jose nunez" are one name. */
    static String normalisedName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /**
     * A person id from an email's local part ({@code Ana.Silva@x.org} gives {@code ana.silva}; a
     * GitHub no-reply address gives the user name), else from the name.
     */
    static String baseId(String email, String name) {
        String local = email.contains("@") ? email.substring(0, email.lastIndexOf('@')) : email;
        String domain = email.contains("@") ? email.substring(email.lastIndexOf('@') + 1) : "";
        if (domain.equalsIgnoreCase(GITHUB_NOREPLY) && local.matches("\\d+\\+.+")) {
            local = local.substring(local.indexOf('+') + 1);
        }
        String id = idSafe(local);
        if (id.length() < 2) {
            id = idSafe(name.strip().replaceAll("\\s+", "."));
        }
        return id.length() < 2 ? "author" : id;
    }

    /** Lowercase ASCII letters, digits, '.', '_' and '-', starting with a letter or digit. */
    private static String idSafe(String raw) {
        String ascii = Normalizer.normalize(raw, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String id = ascii.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("([._-])[._-]+", "$1")
                .replaceAll("^[._-]+", "");
        if (id.length() > MAX_ID - 4) {
            id = id.substring(0, MAX_ID - 4);
        }
        return id.replaceAll("[._-]+$", "");
    }

    private static String uniqueId(String base, Predicate<String> taken) {
        String id = base;
        for (int n = 2; taken.test(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static String displayName(String name, String email) {
        String n = name.isBlank() ? email.replaceFirst("@.*", "") : name.strip();
        n = n.replaceAll("\\p{Cntrl}", " ").strip();
        if (n.isEmpty()) {
            n = "Unknown author";
        }
        return n.length() > 120 ? n.substring(0, 120).strip() : n;
    }

    /** The value most commits used; between equals, the most recently used. */
    private static String mostUsed(
            List<Integer> members, List<Seen> all, java.util.function.IntFunction<String> value) {
        var commits = new HashMap<String, Integer>();
        var last = new HashMap<String, Instant>();
        for (int i : members) {
            String v = value.apply(i);
            if (v.isBlank()) {
                continue;
            }
            commits.merge(v, all.get(i).commits(), Integer::sum);
            last.merge(v, all.get(i).last(), (a, b) -> a.isAfter(b) ? a : b);
        }
        return commits.keySet().stream()
                .max(Comparator.<String>comparingInt(commits::get)
                        .thenComparing(last::get)
                        .thenComparing(Comparator.<String>reverseOrder()))
                .orElse("");
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
