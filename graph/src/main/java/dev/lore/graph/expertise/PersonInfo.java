package dev.lore.graph.expertise;

import static dev.lore.graph.internal.Values.instant;

import java.time.Instant;
import java.util.Optional;
import org.neo4j.driver.Record;

/** Who a person is and whether Lore may suggest them. */
public record PersonInfo(
        String id,
        String name,
        String team,
        String title,
        boolean active,
        boolean available,
        Optional<Instant> lastActive) {
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
            p.lastActiveAt AS lastActive
            """;

    static PersonInfo of(Record r) {
        return new PersonInfo(
                r.get("id").asString(),
                r.get("name").asString(),
                r.get("team").asString(),
                r.get("title").asString(),
                r.get("active").asBoolean(),
                r.get("available").asBoolean(),
                r.get("lastActive").isNull() ? Optional.empty() : Optional.of(instant(r.get("lastActive"))));
    }
}
