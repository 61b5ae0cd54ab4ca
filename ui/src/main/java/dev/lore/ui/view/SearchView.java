package dev.lore.ui.view;

import java.util.List;

/** A page of search results. */
public record SearchView(String query, long total, List<HitView> hits, int page, boolean hasMore) {}
