package dev.lore.graph.person;

import java.time.Instant;
import java.util.Objects;

/** What is needed to create a person; {@code passwordHash} may be null for people who cannot sign in. */
public record NewPerson(
        String id,
        String name,
        String email,
        String team,
        String title,
        String role,
        String passwordHash,
        Instant joinedAt) {
    public NewPerson {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(role, "role must not be null");
        Objects.requireNonNull(joinedAt, "joinedAt must not be null");
        email = Objects.requireNonNullElse(email, "");
        team = Objects.requireNonNullElse(team, "");
        title = Objects.requireNonNullElse(title, "");
    }
}
