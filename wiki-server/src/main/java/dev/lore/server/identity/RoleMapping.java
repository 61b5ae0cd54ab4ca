package dev.lore.server.identity;

import dev.lore.graph.identity.RoleChoice;
import dev.lore.server.auth.Role;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Groups to roles ({@code LORE_OIDC_ROLES}, e.g. {@code
 * wiki-admins:admin,wiki-champions:champion,*:contributor}), applied at every company sign-in and
 * SCIM update.
 *
 * <p>The rule: a person in one or more mapped groups gets the highest role among them, whatever
 * their role was. Otherwise the default ({@code *}, or contributor when there is none) is given to
 * new people, and to people whose role still is the one the mapping gave them last time (so
 * leaving a group takes its role away). A role an admin set by hand (one the mapping did not give)
 * is kept until a mapped group says otherwise. Immutable and thread-safe.
 */
public record RoleMapping(Map<String, Role> groups, Role fallback) {

    public static RoleMapping none() {
        return new RoleMapping(Map.of(), Role.CONTRIBUTOR);
    }

    public static RoleMapping parse(String raw) {
        var groups = new LinkedHashMap<String, Role>();
        Role fallback = Role.CONTRIBUTOR;
        if (raw == null || raw.isBlank()) {
            return none();
        }
        for (String entry : raw.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException(
                        "LORE_OIDC_ROLES entries must be group:role, was '" + entry.strip() + "'");
            }
            String group = entry.substring(0, colon).strip();
            Role role;
            try {
                role = Role.parse(entry.substring(colon + 1));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("LORE_OIDC_ROLES: " + e.getMessage(), e);
            }
            if (group.equals("*")) {
                fallback = role;
            } else {
                groups.put(group, role);
            }
        }
        return new RoleMapping(Map.copyOf(groups), fallback);
    }

    /** The highest role of the mapped groups among {@code memberOf}. */
    public Optional<Role> matched(Collection<String> memberOf) {
        return memberOf.stream().map(groups::get).filter(r -> r != null).max(Enum::compareTo);
    }

    /**
     * The role for a person in {@code memberOf}, given their role now (empty for someone new) and
     * the role the mapping gave them last (empty when it never did, or a hand-set role replaced it).
     */
    public RoleChoice choose(Collection<String> memberOf, Optional<String> current, Optional<String> lastMapped) {
        Optional<Role> matched = matched(memberOf);
        if (matched.isPresent()) {
            return new RoleChoice(matched.get().id(), true);
        }
        if (current.isEmpty() || current.equals(lastMapped)) {
            return new RoleChoice(fallback.id(), true);
        }
        return new RoleChoice(current.get(), false);
    }
}
