package dev.lore.server.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The YAML block at the top of a Markdown file, between two {@code ---} lines, and the body after
 * it. Known keys: title, tags, skills, owner, author, date, message, slug, kind. A malformed block is not
 * an error: it is treated as no front matter, so bad YAML never costs anyone their text.
 */
public record FrontMatter(
        Optional<String> title,
        List<String> tags,
        List<String> skills,
        Optional<String> owner,
        Optional<String> author,
        Optional<Instant> date,
        Optional<String> message,
        String body,
        Optional<String> kind) {
    private static final Pattern BLOCK =
            Pattern.compile("\\A---[ \\t]*\\R(.*?)\\R---[ \\t]*(?:\\R|\\z)", Pattern.DOTALL);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static FrontMatter parse(String markdown) {
        var matcher = BLOCK.matcher(markdown);
        if (!matcher.find()) {
            return none(markdown);
        }
        JsonNode root;
        try {
            root = YAML.readTree(matcher.group(1));
        } catch (Exception e) { // any YAML problem: keep the text as it is
            return none(markdown);
        }
        if (root == null || !root.isObject()) {
            return none(markdown);
        }
        return new FrontMatter(
                text(root, "title"),
                list(root, "tags"),
                list(root, "skills"),
                text(root, "owner"),
                text(root, "author"),
                text(root, "date").flatMap(FrontMatter::instant),
                text(root, "message"),
                markdown.substring(matcher.end()),
                text(root, "kind"));
    }

    /**
     * Why the front matter block of {@code markdown} cannot be read (bad YAML, or YAML that is not
     * a mapping of keys); empty when there is no block or it is fine. {@link #parse} ignores such a
     * block; importers that must not lose keys silently ask this first.
     */
    public static Optional<String> problem(String markdown) {
        var matcher = BLOCK.matcher(markdown);
        if (!matcher.find()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = YAML.readTree(matcher.group(1));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return Optional.of(e.getOriginalMessage().lines().findFirst().orElse("not YAML"));
        } catch (Exception e) {
            return Optional.of("not YAML");
        }
        if (root != null && !root.isObject() && !root.isMissingNode()) {
            return Optional.of("expected key: value lines, found "
                    + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return Optional.empty();
    }

    /**
     * The block's {@code verified} key (a date or instant): when the page's content was last
     * checked, as a seed pack states it. Empty when there is no such key.
     *
     * @throws IllegalArgumentException when the key is there but holds no date
     */
    public static Optional<Instant> verified(String markdown) {
        var matcher = BLOCK.matcher(markdown);
        if (!matcher.find()) {
            return Optional.empty();
        }
        Optional<String> raw;
        try {
            JsonNode root = YAML.readTree(matcher.group(1));
            raw = root == null || !root.isObject() ? Optional.empty() : text(root, "verified");
        } catch (Exception e) { // malformed blocks are reported by problem()
            return Optional.empty();
        }
        return raw.map(value -> instant(value)
                .orElseThrow(() ->
                        new IllegalArgumentException("verified must be a date like 2026-03-01, was '" + value + "'")));
    }

    private static FrontMatter none(String markdown) {
        return new FrontMatter(
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                markdown,
                Optional.empty());
    }

    private static Optional<String> text(JsonNode root, String key) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return Optional.empty();
        }
        String value = node.asText().strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static List<String> list(JsonNode root, String key) {
        JsonNode node = root.get(key);
        var values = new ArrayList<String>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(item -> {
                if (item.isValueNode() && !item.asText().isBlank()) {
                    values.add(item.asText().strip());
                }
            });
        } else if (node.isValueNode()) {
            for (String part : node.asText().split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return values;
    }

    private static Optional<Instant> instant(String raw) {
        try {
            return Optional.of(Instant.parse(raw));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(java.time.LocalDate.parse(raw)
                        .atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant());
            } catch (DateTimeParseException ignored) {
                return Optional.empty();
            }
        }
    }
}
