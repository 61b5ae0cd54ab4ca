package dev.lore.graph.notify;

import static dev.lore.graph.internal.Values.datetime;

import dev.lore.graph.Graph;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Value;

/**
 * Notification preferences, one {@code (:NotifySettings {person})} node per person who changed
 * any (kept apart from the person node, whose writes invalidate caches of people). Thread-safe.
 */
public final class PreferenceStore {
    private final Graph graph;

    public PreferenceStore(Graph graph) {
        this.graph = graph;
    }

    public Preferences get(String personId) {
        return graph.read(tx -> tx
                .run("MATCH (s:NotifySettings {person: $person}) RETURN s", Map.of("person", personId))
                .list(r -> toPreferences(r.get("s")))
                .stream()
                .findFirst()
                .orElseGet(Preferences::defaults));
    }

    public void put(String personId, Preferences prefs) {
        var props = new HashMap<String, Object>();
        prefs.channels().forEach((k, c) -> props.put("ch_" + k.id(), c.id()));
        prefs.autoWatch().forEach((a, on) -> props.put(a.property(), on));
        props.put("digest", prefs.digest());
        props.put("digestHour", prefs.digestHour());
        props.put("digestDay", prefs.digestDay().name());
        props.put("zone", prefs.zone().getId());
        props.put("emailOff", prefs.emailOff());
        graph.write(tx -> tx.run(
                        "MATCH (p:Person {id: $person}) MERGE (s:NotifySettings {person: $person}) SET s += $props",
                        Map.of("person", personId, "props", props))
                .consume());
    }

    /** Switches all email off for a person (one-click unsubscribe); false when there is no such person. */
    public boolean emailOff(String personId, Instant at) {
        return graph.write(tx -> tx.run("""
                                MATCH (p:Person {id: $person}) MERGE (s:NotifySettings {person: $person})
                                SET s.emailOff = true, s.unsubscribedAt = $at RETURN count(s) AS n
                                """, Map.of("person", personId, "at", datetime(at)))
                        .single()
                        .get("n")
                        .asLong())
                > 0;
    }

    static Preferences toPreferences(Value s) {
        var channels = new EnumMap<EventKind, Channel>(EventKind.class);
        for (EventKind k : EventKind.values()) {
            Optional.ofNullable(s.get("ch_" + k.id()).asString(null))
                    .flatMap(Channel::parse)
                    .ifPresent(c -> channels.put(k, c));
        }
        var watch = new EnumMap<AutoWatch, Boolean>(AutoWatch.class);
        for (AutoWatch a : AutoWatch.values()) {
            watch.put(a, s.get(a.property()).asBoolean(true));
        }
        return new Preferences(
                channels,
                watch,
                s.get("digest").asString("daily"),
                s.get("digestHour").asInt(8),
                DayOfWeek.valueOf(s.get("digestDay").asString("MONDAY")),
                ZoneId.of(s.get("zone").asString("UTC")),
                s.get("emailOff").asBoolean(false));
    }
}
