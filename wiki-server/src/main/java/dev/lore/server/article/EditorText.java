package dev.lore.server.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lore.server.markdown.FrontMatter;
import java.util.Set;

/**
 * The body of a page as the editor shows it: without the front matter block, whose title, tags,
 * skills and owner have their own fields and places, and without a first heading that only
 * repeats the title. A block with keys Lore does not know stays in the body, so nothing is lost
 * on the next save.
 */
final class EditorText {
    private static final Set<String> KNOWN = Set.of("title", "tags", "skills", "owner", "author", "date", "message");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private EditorText() {}

    static String of(String markdown, String title) {
        String body = withoutFrontMatter(markdown);
        return withoutTitleHeading(body, title);
    }

    private static String withoutFrontMatter(String markdown) {
        FrontMatter front = FrontMatter.parse(markdown);
        if (front.body().equals(markdown)) {
            return markdown;
        }
        String block = markdown.substring(0, markdown.length() - front.body().length());
        try {
            JsonNode root = YAML.readTree(block.replaceAll("(?m)^---[ \\t]*$", ""));
            if (root == null || !root.isObject()) {
                return markdown;
            }
            var names = root.fieldNames();
            while (names.hasNext()) {
                if (!KNOWN.contains(names.next())) {
                    return markdown;
                }
            }
        } catch (Exception e) { // unreadable: parse() kept it as text, and so does the editor
            return markdown;
        }
        return front.body();
    }

    private static String withoutTitleHeading(String body, String title) {
        String rest = body.stripLeading();
        int end = rest.indexOf('\n');
        String first = end < 0 ? rest : rest.substring(0, end);
        if (!first.strip().equals("# " + title.strip())) {
            return body;
        }
        return end < 0 ? "" : rest.substring(end + 1).stripLeading();
    }
}
