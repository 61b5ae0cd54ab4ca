package dev.lore.server.article;

import dev.lore.graph.article.Article;
import dev.lore.server.markdown.Rendered;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The rendered bodies of article pages, one per article, each kept with the revision, title and
 * text it was rendered from and the graph's version ({@link dev.lore.graph.GraphVersion}) read
 * before it was rendered. A body depends on more than its text: which wiki links resolve (a page
 * created, renamed, hidden or deleted) and which mentions are people; every such change moves the
 * graph's version, on whichever server made it, so a body is served again only while the version
 * is unchanged. Rendering (commonmark, then jsoup's sanitizing and heading scan) is most of a
 * page view's CPU; checking costs nothing beyond the page's own read, which brings the version.
 * Bounded by entries and by characters kept; when full it starts again empty. Thread-safe.
 */
final class PageBodies {
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_CHARS = 64L << 20;

    private record Entry(int revision, String title, String markdown, long graphVersion, Rendered body) {
        long chars() {
            return markdown.length() + body.html().length();
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong chars = new AtomicLong();
    private final Function<Article, Rendered> render;

    /** @param render renders an article's body with its links and mentions as the graph says now */
    PageBodies(Function<Article, Rendered> render) {
        this.render = render;
    }

    /**
     * The body of {@code article}, rendered now or earlier at {@code graphVersion}: the version
     * read with (or before) the article, so that a change after it makes a kept body stale.
     */
    Rendered body(Article article, long graphVersion) {
        Entry kept = entries.get(article.id());
        if (kept != null
                && kept.graphVersion() == graphVersion
                && kept.revision() == article.revision()
                && kept.title().equals(article.title())
                && kept.markdown().equals(article.markdown())) {
            return kept.body();
        }
        Rendered body = render.apply(article);
        keep(article, graphVersion, body);
        return body;
    }

    private void keep(Article article, long graphVersion, Rendered body) {
        var entry = new Entry(article.revision(), article.title(), article.markdown(), graphVersion, body);
        if (entry.chars() > MAX_CHARS / 16) {
            return; // a huge page would push out many others
        }
        if (entries.size() >= MAX_ENTRIES || chars.get() + entry.chars() > MAX_CHARS) {
            entries.clear();
            chars.set(0);
        }
        Entry replaced = entries.put(article.id(), entry);
        chars.addAndGet(entry.chars() - (replaced == null ? 0 : replaced.chars()));
    }
}
