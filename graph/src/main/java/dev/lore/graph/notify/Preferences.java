package dev.lore.graph.notify;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a person wants to hear from Lore.
 *
 * @param channels per event kind; kinds not given use {@link EventKind#defaultChannel()}
 * @param autoWatch per action, whether acting makes one watch the thing acted on (default true)
 * @param digest {@code daily} or {@code weekly}
 * @param digestHour the hour of the day (0-23) in {@code zone} the digest goes out
 * @param digestDay the day a weekly digest goes out
 * @param emailOff no email at all (what one-click unsubscribe sets)
 */
public record Preferences(
        Map<EventKind, Channel> channels,
        Map<AutoWatch, Boolean> autoWatch,
        String digest,
        int digestHour,
        DayOfWeek digestDay,
        ZoneId zone,
        boolean emailOff) {
    public Preferences {
        var all = new EnumMap<EventKind, Channel>(EventKind.class);
        for (EventKind k : EventKind.values()) {
            all.put(k, channels.getOrDefault(k, k.defaultChannel()));
        }
        channels = Map.copyOf(all);
        var watch = new EnumMap<AutoWatch, Boolean>(AutoWatch.class);
        for (AutoWatch a : AutoWatch.values()) {
            watch.put(a, autoWatch.getOrDefault(a, true));
        }
        autoWatch = Map.copyOf(watch);
        if (!digest.equals("daily") && !digest.equals("weekly")) {
            throw new IllegalArgumentException("digest must be daily or weekly, was '" + digest + "'");
        }
        if (digestHour < 0 || digestHour > 23) {
            throw new IllegalArgumentException("digestHour must be 0-23, was " + digestHour);
        }
        Objects.requireNonNull(digestDay, "digestDay must not be null");
        Objects.requireNonNull(zone, "zone must not be null");
    }

    /** What a person who never chose anything gets: daily digest at 8 UTC, Mondays for weekly. */
    public static Preferences defaults() {
        return new Preferences(Map.of(), Map.of(), "daily", 8, DayOfWeek.MONDAY, ZoneId.of("UTC"), false);
    }
}
