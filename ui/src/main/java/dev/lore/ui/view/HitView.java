package dev.lore.ui.view;

import java.util.List;

/** One search hit; {@code snippetHtml} is escaped text with {@code <mark>} around matches. */
public record HitView(String slug, String title, String snippetHtml, List<String> tags, String updated) {}
