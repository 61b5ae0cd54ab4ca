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
            }
        }
        for (Element link : clean.select("a[href]")) {
            String href = link.attr("href");
            if (href.startsWith("http://") || href.startsWith("https://")) {
                link.attr("rel", "nofollow noopener noreferrer");
            }
        }
        // Code blocks and tables may scroll sideways; keyboard users must be able to reach them.
        for (Element pre : clean.select("pre")) {
            pre.attr("tabindex", "0");
        }
        for (Element table : clean.select("table")) {
            table.wrap("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"></div>");
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
