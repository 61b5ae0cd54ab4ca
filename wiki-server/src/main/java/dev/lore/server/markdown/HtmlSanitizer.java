package dev.lore.server.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes rendered HTML safe to show: an explicit jsoup {@link Safelist} keeps structure, tables,
 * code, images over http(s), and links over http(s), mailto or relative paths; scripts, event
 * handlers, styles, iframes, forms and {@code javascript:} URLs are removed. After cleaning, code
 * blocks and tables (wrapped in a scroll container) become focusable, so a keyboard can scroll them.
 * Thread-safe.
 */
public final class HtmlSanitizer {
    private static final String BASE = "https://lore.invalid/";
    private static final int MAX_LABEL = 120;
    private final Cleaner cleaner;

    public HtmlSanitizer() {
        Safelist safelist = Safelist.relaxed()
                .addTags("del", "s", "input", "hr", "kbd", "mark", "details", "summary")
                .addAttributes("h1", "id")
                .addAttributes("h2", "id")
                .addAttributes("h3", "id")
                .addAttributes("h4", "id")
                .addAttributes("h5", "id")
                .addAttributes("h6", "id")
                .addAttributes("a", "class")
                .addAttributes("code", "class")
                .addAttributes("li", "class")
                .addAttributes("ul", "class")
                .addAttributes("input", "type", "checked", "disabled")
                .addAttributes("th", "align")
                .addAttributes("td", "align")
                .addProtocols("a", "href", "http", "https", "mailto")
                .addProtocols("img", "src", "http", "https")
                .preserveRelativeLinks(true);
        this.cleaner = new Cleaner(safelist);
    }

    public String sanitize(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, BASE);
        Document clean = cleaner.clean(dirty);
        // Task-list checkboxes are the only inputs Markdown makes; anything else is dropped.
        for (Element input : clean.select("input")) {
            if (!"checkbox".equals(input.attr("type"))) {
                input.remove();
            } else {
                input.attr("disabled", "");
                labelByItem(input);
            }
        }
        for (Element link : clean.select("a[href]")) {
            String href = link.attr("href");
            if (href.startsWith("http://") || href.startsWith("https://")) {
                link.attr("rel", "nofollow noopener noreferrer");
            }
        }
        makeScrollersFocusable(clean);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** A task-list checkbox is named by the text of its item, without nested lists. */
    private static void labelByItem(Element checkbox) {
        Element item = checkbox.parent();
        if (item == null || !item.nameIs("li")) {
            return;
        }
        Element text = item.clone();
        text.select("ul, ol").remove();
        String label = text.text().strip();
        if (!label.isEmpty()) {
            checkbox.attr("aria-label", label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL) + "…" : label);
        }
    }

    /**
     * Code blocks and tables may scroll sideways, so keyboards must reach them: blocks get a tab
     * stop, tables a focusable region named after their column headings.
     */
    private static void makeScrollersFocusable(Document doc) {
        for (Element pre : doc.select("pre")) {
            pre.attr("tabindex", "0");
        }
        int n = 0;
        for (Element table : doc.select("table")) {
            String headings = String.join(", ", table.select("thead th").eachText());
            String label = "Table " + ++n + (headings.isBlank() ? "" : ": " + headings);
            if (label.length() > MAX_LABEL) {
                label = label.substring(0, MAX_LABEL) + "…";
            }
            table.wrap("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\"></div>");
            table.parent().attr("aria-label", label);
        }
    }
}
