package dev.lore.graph.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * A person as a SCIM client provisions them: {@code userName} is the directory's name for them,
 * {@code personId} Lore's (the SCIM {@code id}).
 */
public record ScimUser(
        String personId,
        String userName,
        Optional<String> externalId,
        String name,
        String email,
        String team,
        String title,
        boolean active) {
    public ScimUser {
        Objects.requireNonNull(userName, "userName must not be null");
        Objects.requireNonNull(externalId, "externalId must not be null");
        name = Objects.requireNonNullElse(name, "");
        email = Objects.requireNonNullElse(email, "");
        team = Objects.requireNonNullElse(team, "");
        title = Objects.requireNonNullElse(title, "");
    }
}
