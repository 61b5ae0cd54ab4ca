package dev.lore.server.seed;

import dev.lore.graph.attachment.Attachment;
import dev.lore.server.attachment.LocalLinks;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an exported page's files go in the pack ({@code files/<slug>/<name>}, a name repeated on one
 * page gets {@code -2}, {@code -3} ... before its extension) and the page's text with its addresses
 * of them ({@code /files/ID}, with or without the name or a pinned version) made relative to the
 * page's file. Links to files of other pages are left as they are. Stateless.
 */
final class PageFileLinks {
    private static final Pattern ADDRESS =
            Pattern.compile("(?<![\\w.-])/files/([0-9a-fA-F-]{36})(?:/[^\\s)\"'<>?#]*)?(?:\\?v=\\d+)?");

    private PageFileLinks() {}

    /** The pack path of each of a page's files. */
    static Map<Attachment, String> paths(String slug, List<Attachment> files) {
        var paths = new LinkedHashMap<Attachment, String>();
        var taken = new HashSet<String>();
        // oldest first, so a page's first file keeps its own name
        for (Attachment a : files.reversed()) {
            String name = a.name();
            for (int n = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
                int dot = a.name().lastIndexOf('.');
                name = dot > 0 ? a.name().substring(0, dot) + "-" + n + a.name().substring(dot) : a.name() + "-" + n;
            }
            paths.put(a, PackAttachments.FOLDER + "/" + slug + "/" + name);
        }
        return paths;
    }

    /** {@code markdown} with the addresses of {@code files} replaced by their pack paths, percent-encoded. */
    static String relative(String markdown, Map<Attachment, String> files) {
        if (files.isEmpty()) {
            return markdown;
        }
        var byId = new LinkedHashMap<String, String>();
        files.forEach((a, path) -> byId.put(a.id(), encode(path)));
        Matcher m = ADDRESS.matcher(markdown);
        var out = new StringBuilder();
        while (m.find()) {
            String path = byId.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(path == null ? m.group() : path));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String encode(String path) {
        var parts = path.split("/");
        var out = new StringBuilder();
        for (String part : parts) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(LocalLinks.encode(part));
        }
        return out.toString();
    }
}
