package dev.lore.graph.identity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A group as a SCIM client provisions it: Lore's {@code id} for it (the SCIM id), the directory's
 * name for it ({@code displayName}, which {@code LORE_OIDC_ROLES} maps to a role) and its members.
 */
public record ScimGroup(String id, String displayName, Optional<String> externalId, List<Member> members) {
    public ScimGroup {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(displayName, "displayName must not be null");
        Objects.requireNonNull(externalId, "externalId must not be null");
        members = List.copyOf(members);
    }

    /** A member: the person's id (the SCIM user id) and name. */
    public record Member(String personId, String name) {}
}
