package dev.lore.graph.support;

import dev.lore.graph.Graph;
import dev.lore.graph.person.NewPerson;
import dev.lore.graph.person.PersonStore;
import java.time.Instant;

/** People for store tests: id {@code x} is named after it, on the team given, without a password. */
public final class People {
    public static final Instant JOINED = Instant.parse("2026-01-05T09:00:00Z");

    private People() {}

    public static void add(Graph graph, String team, String... ids) {
        var store = new PersonStore(graph);
        for (String id : ids) {
            store.create(new NewPerson(
                    id,
                    Character.toUpperCase(id.charAt(0)) + id.substring(1),
                    id + "@example.test",
                    team,
                    "Engineer",
                    "contributor",
                    null,
                    JOINED));
        }
    }
}
