package dev.lore.graph.backup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Point;

/**
 * Neo4j property values as plain Java and back, with nothing lost: {@code String}, {@code Long},
 * {@code Double}, {@code Boolean}, {@code byte[]}, {@link LocalDate} (date), {@link ZonedDateTime}
 * (datetime, with its offset or zone id), {@link LocalDateTime}, {@link OffsetTime} (time), {@link
 * LocalTime}, {@link Duration} and {@link Point2D3D}, and lists of them. Any other type is an
 * error, so a backup never drops a value silently.
 */
public final class PropertyValues {
    private PropertyValues() {}

    /** A Neo4j duration: months, days, seconds and nanoseconds kept apart, as Neo4j keeps them. */
    public record Duration(long months, long days, long seconds, int nanos) {}

    /** A Neo4j point: its coordinate reference system and two or three coordinates. */
    public record Point2D3D(int srid, List<Double> coordinates) {}

    /** The plain Java form of a driver value read from a property. */
    public static Object plain(Value value) {
        Object raw = value.asObject();
        return plain(raw);
    }

    private static Object plain(Object raw) {
        return switch (raw) {
            case String s -> s;
            case Long l -> l;
            case Double d -> d;
            case Boolean b -> b;
            case byte[] bytes -> bytes;
            case LocalDate d -> d;
            case ZonedDateTime d -> d;
            case java.time.OffsetDateTime d -> d.toZonedDateTime();
            case LocalDateTime d -> d;
            case OffsetTime t -> t;
            case LocalTime t -> t;
            case IsoDuration d -> new Duration(d.months(), d.days(), d.seconds(), d.nanoseconds());
            case Point p ->
                new Point2D3D(p.srid(), Double.isNaN(p.z()) ? List.of(p.x(), p.y()) : List.of(p.x(), p.y(), p.z()));
            case List<?> list -> {
                var out = new ArrayList<Object>(list.size());
                list.forEach(item -> out.add(plain(item)));
                yield out;
            }
            default ->
                throw new IllegalArgumentException(
                        "a property of type " + raw.getClass().getName() + " cannot be backed up: " + raw);
        };
    }

    /** A plain Java value as a driver parameter (the inverse of {@link #plain}). */
    static Object parameter(Object plain) {
        return switch (plain) {
            case Duration d -> Values.isoDuration(d.months(), d.days(), d.seconds(), d.nanos());
            case Point2D3D p ->
                p.coordinates().size() == 2
                        ? Values.point(
                                p.srid(),
                                p.coordinates().get(0),
                                p.coordinates().get(1))
                        : Values.point(
                                p.srid(),
                                p.coordinates().get(0),
                                p.coordinates().get(1),
                                p.coordinates().get(2));
            case List<?> list -> {
                var out = new ArrayList<Object>(list.size());
                list.forEach(item -> out.add(parameter(item)));
                yield out;
            }
            default -> plain;
        };
    }
}
