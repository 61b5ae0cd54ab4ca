package dev.lore.ui.view;

import java.util.List;

/** The home page: recent articles and how much there is. */
public record HomeView(List<ArticleItem> recent, long articleCount, long peopleCount) {}
