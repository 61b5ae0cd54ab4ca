package dev.lore.graph.internal;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.neo4j.driver.Value;

/** Conversions from driver values to plain Java, so no driver type leaves the graph module. */
public final class Values {
    private Values() {}

    public static Optional<String> optionalString(Value value) {
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }

    public static String string(Value value, String fallback) {
        return value == null || value.isNull() ? fallback : value.asString();
    }

    public static List<String> strings(Value value) {
        return value == null || value.isNull() ? List.of() : value.asList(Value::asString);
    }

    public static Instant instant(Value value) {
        if (value == null || value.isNull()) {
            return Instant.EPOCH;
        }
        Object raw = value.asObject();
        if (raw instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (raw instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException(
                "expected a datetime but was " + value.type().name());
    }

    public static Optional<Instant> optionalInstant(Value value) {
        return value == null || value.isNull() ? Optional.empty() : Optional.of(instant(value));
    }

    /** Instants go to Neo4j as UTC datetimes. */
    public static ZonedDateTime datetime(Instant instant) {
        return instant.atZone(java.time.ZoneOffset.UTC);
    }
}
