package dev.lore.ui.view.search;

import dev.lore.ui.view.expertise.ExpertView;
import java.util.List;
import java.util.Optional;

/**
 * A page of search results with its facets (each value links to the search with that value toggled),
 * a spelling suggestion, cards for people and skills the query names, and pagination links.
 *
 * @param fuzzy the hits come from the typo-tolerant fallback
 * @param experts who knows most about the query (the "experts on this" panel)
 * @param recentUrl, relevanceUrl the same search in the other order
 */
public record SearchView(
        String query,
        long total,
        List<HitView> hits,
        int page,
        boolean hasMore,
        Optional<String> didYouMean,
        Optional<String> didYouMeanUrl,
        boolean fuzzy,
        List<FacetView> facets,
        List<PersonCardView> people,
        List<SkillCardView> skills,
        boolean recent,
        String relevanceUrl,
        String recentUrl,
        String previousUrl,
        String nextUrl,
        List<ExpertView> experts) {}
