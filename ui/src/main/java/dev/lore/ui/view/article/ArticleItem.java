package dev.lore.ui.view.article;

import java.util.List;

/** A line in a list of articles; {@code updated} is already formatted for people ("3 days ago"). */
public record ArticleItem(String slug, String title, List<String> tags, String updated, int revision) {}
