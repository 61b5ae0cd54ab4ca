package dev.lore.server.markdown;

import dev.lore.server.article.ArticleService;
import java.util.regex.Pattern;

/**
 * Titles for pages that came as files without a {@code title} in their front matter: the first
 * level-one heading outside code, else a name made from the file's path. Used by imports.
 */
public final class Titles {
    private static final Pattern ATX_H1 = Pattern.compile("^ {0,3}#[ \\t]+(.+?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern SETEXT_H1 = Pattern.compile("^ {0,3}=+[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~).*$");

    private Titles() {}

    /** The first level-one heading ({@code # Title} or a {@code ===} underline) outside code, else the file name. */
    public static String fromBody(String body, String path) {
        String[] lines = body.split("\n", -1);
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            var atx = ATX_H1.matcher(line);
            if (atx.matches()) {
                return cleanTitle(atx.group(1), path);
            }
            if (i + 1 < lines.length
                    && !line.isBlank()
                    && !line.startsWith("    ")
                    && SETEXT_H1.matcher(lines[i + 1]).matches()) {
                return cleanTitle(line, path);
            }
        }
        return fromPath(path);
    }

    private static String cleanTitle(String raw, String path) {
        String title = raw.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        if (title.isEmpty()) {
            return fromPath(path);
        }
        return title.length() > ArticleService.MAX_TITLE
                ? title.substring(0, ArticleService.MAX_TITLE).strip()
                : title;
    }

    /** {@code docs/getting-started.md} gives "getting started"; a README or index takes its folder's name. */
    public static String fromPath(String path) {
        String[] parts = path.split("/");
        String name = parts[parts.length - 1].replaceFirst("(?i)\\.(md|markdown)$", "");
        if ((name.equalsIgnoreCase("readme") || name.equalsIgnoreCase("index")) && parts.length > 1) {
            name = parts[parts.length - 2];
        }
        String title = name.replace('-', ' ').replace('_', ' ').strip();
        return cleanTitle(title.isEmpty() ? name : title, "untitled");
    }
}
