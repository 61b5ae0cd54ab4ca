package dev.lore.server.attachment;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local paths a Markdown text links to or shows ({@code ![](images/x.png)}, {@code
 * [runbook](docs/run.pdf)}, reference definitions, and {@code src}/{@code href} of inline HTML),
 * and the same text with some of them replaced. A local path has no scheme and does not start with
 * {@code //} or {@code #}; its query and fragment are kept apart and put back after a replacement.
 * Links inside fenced code blocks are left alone. Stateless.
 */
public final class LocalLinks {
    private static final Pattern INLINE = Pattern.compile("\\]\\(\\s*(?:<([^>\\n]*)>|([^\\s)<>]+))");
    private static final Pattern REFERENCE =
            Pattern.compile("^ {0,3}\\[[^\\]\\n]+\\]:[ \\t]*(?:<([^>\\n]*)>|(\\S+))", Pattern.MULTILINE);
    private static final Pattern HTML = Pattern.compile(
            "<(?:img|a|source|video|audio)\\b[^>]*?\\b(?:src|href)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

    private LocalLinks() {}

    /** The local paths of {@code markdown}, in order of appearance (a path may appear twice). */
    public static List<String> paths(String markdown) {
        var paths = new ArrayList<String>();
        rewrite(markdown, path -> {
            paths.add(path);
            return Optional.empty();
        });
        return paths;
    }

    /**
     * {@code markdown} with each local link whose path {@code replacement} maps to an address
     * replaced by that address (query and fragment kept); other links stay as they are.
     */
    public static String rewrite(String markdown, Function<String, Optional<String>> replacement) {
        List<int[]> code = fencedBlocks(markdown);
        var edits = new ArrayList<int[]>();
        var addresses = new ArrayList<String>();
        for (Pattern pattern : List.of(INLINE, REFERENCE, HTML)) {
            Matcher m = pattern.matcher(markdown);
            while (m.find()) {
                int group = m.start(1) >= 0 ? 1 : 2;
                int start = m.start(group);
                int end = m.end(group);
                if (start < 0 || inside(code, start)) {
                    continue;
                }
                String destination = markdown.substring(start, end);
                local(destination)
                        .flatMap(path -> replacement.apply(path).map(to -> to + suffix(destination)))
                        .ifPresent(to -> {
                            edits.add(new int[] {start, end});
                            addresses.add(to);
                        });
            }
        }
        if (edits.isEmpty()) {
            return markdown;
        }
        var order = new ArrayList<Integer>();
        for (int i = 0; i < edits.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(edits.get(a)[0], edits.get(b)[0]));
        var out = new StringBuilder();
        int at = 0;
        for (int i : order) {
            int[] edit = edits.get(i);
            if (edit[0] < at) {
                continue; // the same place matched twice (a link inside inline HTML)
            }
            out.append(markdown, at, edit[0]).append(addresses.get(i));
            at = edit[1];
        }
        return out.append(markdown, at, markdown.length()).toString();
    }

    /** A path segment or file name as it goes into a link: percent-encoded, spaces as {@code %20}. */
    public static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Optional<String> local(String destination) {
        String d = destination.strip();
        if (d.isEmpty()
                || d.startsWith("#")
                || d.startsWith("//")
                || SCHEME.matcher(d).find()) {
            return Optional.empty();
        }
        int cut = firstOf(d, '?', '#');
        String path = cut < 0 ? d : d.substring(0, cut);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.of(path); // a stray % is part of the name
        }
    }

    private static String suffix(String destination) {
        String d = destination.strip();
        int cut = firstOf(d, '?', '#');
        return cut < 0 ? "" : d.substring(cut);
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** Start and end offsets of fenced code blocks (an unclosed fence runs to the end). */
    private static List<int[]> fencedBlocks(String markdown) {
        var blocks = new ArrayList<int[]>();
        int offset = 0;
        String fence = null;
        int start = 0;
        for (String line : markdown.split("\n", -1)) {
            Matcher m = FENCE.matcher(line);
            if (fence == null && m.find()) {
                fence = m.group(1);
                start = offset;
            } else if (fence != null && closes(line.strip(), fence)) {
                blocks.add(new int[] {start, offset + line.length()});
                fence = null;
            }
            offset += line.length() + 1;
        }
        if (fence != null) {
            blocks.add(new int[] {start, markdown.length()});
        }
        return blocks;
    }

    private static boolean closes(String line, String fence) {
        return line.length() >= fence.length() && line.chars().allMatch(c -> c == fence.charAt(0));
    }

    private static boolean inside(List<int[]> blocks, int at) {
        for (int[] b : blocks) {
            if (at >= b[0] && at < b[1]) {
                return true;
            }
        }
        return false;
    }
}
