package dev.lore.indexer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A query as a person would type it: several words, "quoted phrases", {@code -excluded} words or
 * phrases, and filters {@code tag:x}, {@code skill:x}, {@code author:name},
 * {@code type:article|question|person|skill} (filter values may be quoted). Parsing never fails:
 * unbalanced quotes, lone operators and control characters are read as plain text or dropped, and
 * input past 1,000 characters is ignored, as are words, phrases, exclusions and filter values past
 * the first {@link #MAX_WORDS}, {@link #MAX_PHRASES}, {@link #MAX_EXCLUDED} and {@link
 * #MAX_FILTER_VALUES} (so that a long query still searches within Lucene's clause limit).
 */
public record UserQuery(
        List<String> words, List<String> phrases, List<String> excluded, Map<String, List<String>> filters) {
    public static final int MAX_CHARS = 1_000;
    public static final int MAX_WORDS = 64;
    public static final int MAX_PHRASES = 8;
    public static final int MAX_EXCLUDED = 8;
    public static final int MAX_FILTER_VALUES = 16;
    public static final Set<String> FILTER_KEYS = Set.of("tag", "skill", "author", "type");

    public UserQuery {
        words = List.copyOf(words);
        phrases = List.copyOf(phrases);
        excluded = List.copyOf(excluded);
        filters = Map.copyOf(filters);
    }

    public boolean hasPositiveText() {
        return !words.isEmpty() || !phrases.isEmpty();
    }

    public boolean isEmpty() {
        return !hasPositiveText() && filters.isEmpty();
    }

    /** The words and phrases as one string, for analysis. */
    public String positiveText() {
        var all = new ArrayList<String>(words);
        all.addAll(phrases);
        return String.join(" ", all);
    }

    public static UserQuery parse(String raw) {
        String text = clean(raw == null ? "" : raw);
        var words = new ArrayList<String>();
        var phrases = new ArrayList<String>();
        var excluded = new ArrayList<String>();
        var filters = new LinkedHashMap<String, List<String>>();
        int filterValues = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negate = false;
            if (c == '-' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
                negate = true;
                i++;
            }
            String key = null;
            int colon = filterKeyEnd(text, i);
            if (colon > 0) {
                key = text.substring(i, colon).toLowerCase(Locale.ROOT);
                i = colon + 1;
            }
            String value;
            boolean quoted = false;
            if (i < n && text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                if (close > 0) {
                    value = text.substring(i + 1, close);
                    quoted = true;
                    i = close + 1;
                } else { // unbalanced quote: the rest is plain words
                    i++;
                    continue;
                }
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                value = text.substring(i, end);
                i = end;
            }
            value = value.strip();
            if (value.isEmpty() || isOnlyOperators(value)) {
                continue;
            }
            if (key != null) {
                if (!negate && filterValues++ < MAX_FILTER_VALUES) {
                    filters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                }
            } else if (negate) {
                addUpTo(excluded, value, MAX_EXCLUDED);
            } else if (quoted && value.contains(" ")) {
                addUpTo(phrases, value, MAX_PHRASES);
            } else {
                addUpTo(words, value, MAX_WORDS);
            }
        }
        return new UserQuery(words, phrases, excluded, filters);
    }

    private static void addUpTo(List<String> list, String value, int max) {
        if (list.size() < max) {
            list.add(value);
        }
    }

    /** End index of a known filter key followed by ':' at {@code from}, or -1. */
    private static int filterKeyEnd(String text, int from) {
        int colon = text.indexOf(':', from);
        if (colon <= from || colon - from > 6 || colon + 1 >= text.length()) {
            return -1;
        }
        String key = text.substring(from, colon).toLowerCase(Locale.ROOT);
        if (!FILTER_KEYS.contains(key) || Character.isWhitespace(text.charAt(colon + 1))) {
            return -1;
        }
        return colon;
    }

    private static boolean isOnlyOperators(String value) {
        return value.chars().allMatch(ch -> "+-|&!*()~^\\/{}[]:\"'".indexOf(ch) >= 0);
    }

    private static String clean(String raw) {
        var out = new StringBuilder(Math.min(raw.length(), MAX_CHARS));
        raw.codePoints().limit(MAX_CHARS).forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
