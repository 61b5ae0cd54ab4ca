package dev.lore.ui.view;

import java.util.List;

/**
 * The home page: where newcomers should start ({@code startHere}, articles carrying
 * {@code startHereTag}), what changed lately, what colleagues read this week, questions waiting
 * for an answer, and how much there is.
 */
public record HomeView(
        List<FeaturedItem> startHere,
        String startHereTag,
        List<ArticleItem> recent,
        List<PopularItem> popular,
        List<QuestionRowView> waiting,
        long articleCount,
        long peopleCount) {}
