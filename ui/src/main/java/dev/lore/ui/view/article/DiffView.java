package dev.lore.ui.view.article;

import java.util.List;

/** A line diff between two revisions of an article. */
public record DiffView(String slug, String title, int from, int to, List<DiffLine> lines, int added, int removed) {}
