package dev.lore.ui.view.home;

import dev.lore.ui.view.article.ArticleItem;
import dev.lore.ui.view.learning.CollectionView;
import dev.lore.ui.view.learning.OnboardingView;
import dev.lore.ui.view.question.QuestionRowView;
import java.util.List;
import java.util.Optional;

/**
 * The home page: where newcomers should start ({@code startHere}, articles carrying
 * {@code startHereTag}), what changed lately, what colleagues read this week, questions waiting
 * for an answer, and how much there is; for a signed-in person their {@code onboarding} path, and
 * the featured {@code collections} champions put on the home page.
 */
public record HomeView(
        Optional<OnboardingView> onboarding,
        List<CollectionView> collections,
        List<FeaturedItem> startHere,
        String startHereTag,
        List<ArticleItem> recent,
        List<PopularItem> popular,
        List<QuestionRowView> waiting,
        long articleCount,
        long peopleCount) {}
