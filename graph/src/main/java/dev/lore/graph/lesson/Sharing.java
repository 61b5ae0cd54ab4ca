package dev.lore.graph.lesson;

import java.util.Optional;

/**
 * How a lesson names who wrote it. {@code ATTRIBUTED}: its author, as any page. {@code TEAM}: the
 * team's voice (the author's team when it was published, or "shared anonymously" for someone
 * without a team); the author is known only to themselves, champions, admins and the audit log.
 */
public enum Sharing {
    ATTRIBUTED("attributed"),
    TEAM("team");

    private final String id;

    Sharing(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Sharing> of(String id) {
        for (Sharing s : values()) {
            if (s.id.equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
