package dev.lore.ui.view.search;

import java.util.List;

/**
 * One search hit; {@code snippetHtml} is escaped text with {@code <mark>} around matches, and
 * {@code url} goes through the click log to the page.
 */
public record HitView(String slug, String title, String snippetHtml, List<String> tags, String updated, String url) {}
