package dev.lore.graph.person;

import java.time.Instant;

/**
 * A person: an account holder and an author. People who left stay as authors ({@code active}
 * false) but can no longer sign in.
 *
 * @param role one of reader, contributor, champion, admin (checked by the server)
 */
public record Person(
        String id,
        String name,
        String email,
        String team,
        String title,
        String role,
        boolean active,
        Instant joinedAt) {}
