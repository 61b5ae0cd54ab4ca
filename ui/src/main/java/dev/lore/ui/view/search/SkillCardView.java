package dev.lore.ui.view.search;

import java.util.List;

/** A skill the query names: how many articles, who contributed most. */
public record SkillCardView(String name, long articles, List<String> topContributors, String url) {}
