package dev.lore.graph.expertise;

import static dev.lore.graph.internal.Values.instant;

import java.time.Instant;
import java.util.Optional;
import org.neo4j.driver.Record;

/**
 * Who a person is, whether Lore may suggest them, and how to reach them.
 *
 * @param email empty when unknown
 * @param chat their chat handle, empty when they gave none
 * @param officeHours when they help others, in their words ("Kafka on Tuesdays 14-15"), or empty
 */
public record PersonInfo(
        String id,
        String name,
        String team,
        String title,
        boolean active,
        boolean available,
        Optional<Instant> lastActive,
        String email,
        String chat,
        String officeHours) {
    /** Whether Lore may send people to this person now. */
    public boolean suggestible() {
        return active && available;
    }

    /** The columns {@link #of} reads, for a person {@code p} and a parameter {@code $now}. */
    static final String COLUMNS = """
            p.id AS id, p.name AS name, coalesce(p.team, '') AS team, coalesce(p.title, '') AS title,
            coalesce(p.active, true) AS active,
            coalesce(p.availability, 'available') = 'available'
              OR (p.unavailableUntil IS NOT NULL AND p.unavailableUntil < $now) AS available,
            p.lastActiveAt AS lastActive, coalesce(p.email, '') AS email, coalesce(p.chat, '') AS chat,
            coalesce(p.officeHours, '') AS officeHours
            """;

    static PersonInfo of(Record r) {
        return new PersonInfo(
                r.get("id").asString(),
                r.get("name").asString(),
                r.get("team").asString(),
                r.get("title").asString(),
                r.get("active").asBoolean(),
                r.get("available").asBoolean(),
                r.get("lastActive").isNull() ? Optional.empty() : Optional.of(instant(r.get("lastActive"))),
                r.get("email").asString(),
                r.get("chat").asString(),
                r.get("officeHours").asString());
    }
}
