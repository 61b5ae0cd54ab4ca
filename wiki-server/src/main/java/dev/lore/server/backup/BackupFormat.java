package dev.lore.server.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lore.graph.backup.PropertyValues;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backup format, version {@value #VERSION}. A backup is a folder:
 *
 * <pre>
 * graph.jsonl.gz   gzip of JSON lines: a header, every node, every relationship, an end line
 * SHA256SUMS       the SHA-256 of graph.jsonl.gz, as sha256sum -c reads it
 * blobs/           reserved for attachment bytes (content-addressed); absent in version 1
 * </pre>
 *
 * Lines: {@code {"format":"lore-backup","version":1,"lore":..,"changeSeq":..,"nodes":..,
 * "relationships":..,"createdAt":..,"blobs":0}}, then {@code {"node":id,"labels":[..],
 * "properties":{..}}} per node, {@code {"from":id,"to":id,"type":..,"properties":{..}}} per
 * relationship, and {@code {"end":{"nodes":..,"relationships":..,"sha256":..}}}, where sha256 is
 * over the UTF-8 bytes of every line before it, newlines included. Property values: strings,
 * booleans, integers (64-bit) and finite floats are plain JSON; everything else is an object with a
 * {@code "$type"}: {@code date}, {@code datetime} (ISO with offset and zone id, e.g. {@code
 * 2026-01-02T03:04:05.123456789Z}), {@code localdatetime}, {@code time}, {@code localtime},
 * {@code duration} ({@code months, days, seconds, nanos}), {@code point} ({@code srid,
 * coordinates}), {@code bytes} (base64), {@code float} (NaN and infinities as text). Lists are
 * JSON arrays of such values.
 */
public final class BackupFormat {
    public static final String FORMAT = "lore-backup";
    public static final int VERSION = 1;
    public static final String GRAPH_FILE = "graph.jsonl.gz";
    public static final String CHECKSUMS = "SHA256SUMS";
    public static final String BLOBS = "blobs";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BackupFormat() {}

    /** What the first line says about a backup. */
    public record Header(
            int version, String lore, long changeSeq, long nodes, long relationships, String createdAt, long blobs) {
        ObjectNode toJson() {
            ObjectNode h = NODES.objectNode();
            h.put("format", FORMAT);
            h.put("version", version);
            h.put("lore", lore);
            h.put("changeSeq", changeSeq);
            h.put("nodes", nodes);
            h.put("relationships", relationships);
            h.put("createdAt", createdAt);
            h.put("blobs", blobs);
            return h;
        }

        static Header fromJson(JsonNode h) {
            if (!FORMAT.equals(h.path("format").asText())) {
                throw new BackupException("not a Lore backup: its first line has no \"format\": \"" + FORMAT + "\"");
            }
            int version = h.path("version").asInt(-1);
            if (version < 1 || version > VERSION) {
                throw new BackupException(
                        "backup format version " + version + " is not supported by this Lore (it reads 1-" + VERSION
                                + "): restore it with the Lore that wrote it ("
                                + h.path("lore").asText() + ") or newer");
            }
            return new Header(
                    version,
                    h.path("lore").asText(),
                    h.path("changeSeq").asLong(),
                    h.path("nodes").asLong(),
                    h.path("relationships").asLong(),
                    h.path("createdAt").asText(),
                    h.path("blobs").asLong());
        }
    }

    /** The version of this Lore, from the jar's manifest ({@code development} when run from classes). */
    public static String loreVersion() {
        String v = BackupFormat.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    static ObjectNode properties(Map<String, Object> properties) {
        ObjectNode out = NODES.objectNode();
        properties.forEach((k, v) -> out.set(k, encode(v)));
        return out;
    }

    static Map<String, Object> properties(JsonNode json) {
        var out = new LinkedHashMap<String, Object>();
        json.properties().forEach(e -> out.put(e.getKey(), decode(e.getValue())));
        return out;
    }

    static JsonNode encode(Object value) {
        return switch (value) {
            case String s -> NODES.textNode(s);
            case Boolean b -> NODES.booleanNode(b);
            case Long l -> NODES.numberNode(l);
            case Double d when Double.isFinite(d) -> NODES.numberNode(d);
            case Double d -> typed("float", d.toString());
            case byte[] bytes -> typed("bytes", Base64.getEncoder().encodeToString(bytes));
            case LocalDate d -> typed("date", d.toString());
            case ZonedDateTime d -> typed("datetime", d.toString());
            case LocalDateTime d -> typed("localdatetime", d.toString());
            case OffsetTime t -> typed("time", t.toString());
            case LocalTime t -> typed("localtime", t.toString());
            case PropertyValues.Duration d -> {
                ObjectNode o = typed();
                o.put("$type", "duration");
                o.put("months", d.months());
                o.put("days", d.days());
                o.put("seconds", d.seconds());
                o.put("nanos", d.nanos());
                yield o;
            }
            case PropertyValues.Point2D3D p -> {
                ObjectNode o = typed();
                o.put("$type", "point");
                o.put("srid", p.srid());
                ArrayNode c = o.putArray("coordinates");
                p.coordinates().forEach(c::add);
                yield o;
            }
            case List<?> list -> {
                ArrayNode a = NODES.arrayNode();
                list.forEach(item -> a.add(encode(item)));
                yield a;
            }
            default ->
                throw new IllegalArgumentException(
                        "cannot write a " + value.getClass().getName());
        };
    }

    static Object decode(JsonNode json) {
        if (json.isTextual()) {
            return json.textValue();
        }
        if (json.isBoolean()) {
            return json.booleanValue();
        }
        if (json.isIntegralNumber()) {
            if (!json.canConvertToLong()) {
                throw new BackupException("an integer outside 64 bits: " + json);
            }
            return json.longValue();
        }
        if (json.isFloatingPointNumber()) {
            return json.doubleValue();
        }
        if (json.isArray()) {
            var out = new ArrayList<Object>(json.size());
            json.forEach(item -> out.add(decode(item)));
            return out;
        }
        if (json.isObject()) {
            String value = json.path("value").asText();
            String type = json.path("$type").asText();
            try {
                return switch (type) {
                    case "float" -> Double.valueOf(value);
                    case "bytes" -> Base64.getDecoder().decode(value);
                    case "date" -> LocalDate.parse(value);
                    case "datetime" -> ZonedDateTime.parse(value);
                    case "localdatetime" -> LocalDateTime.parse(value);
                    case "time" -> OffsetTime.parse(value);
                    case "localtime" -> LocalTime.parse(value);
                    case "duration" ->
                        new PropertyValues.Duration(
                                json.path("months").asLong(),
                                json.path("days").asLong(),
                                json.path("seconds").asLong(),
                                json.path("nanos").asInt());
                    case "point" -> {
                        var coordinates = new ArrayList<Double>();
                        json.path("coordinates").forEach(c -> coordinates.add(c.doubleValue()));
                        yield new PropertyValues.Point2D3D(json.path("srid").asInt(), coordinates);
                    }
                    default -> throw new BackupException("unknown value type '" + type + "' in " + json);
                };
            } catch (RuntimeException e) {
                if (e instanceof BackupException b) {
                    throw b;
                }
                throw new BackupException("unreadable " + type + " value " + json + ": " + e.getMessage());
            }
        }
        throw new BackupException("unexpected value " + json);
    }

    private static ObjectNode typed() {
        return NODES.objectNode();
    }

    private static ObjectNode typed(String type, String value) {
        ObjectNode o = NODES.objectNode();
        o.put("$type", type);
        o.put("value", value);
        return o;
    }
}
