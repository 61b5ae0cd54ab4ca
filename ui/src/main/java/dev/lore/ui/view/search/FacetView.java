package dev.lore.ui.view.search;

import java.util.List;

/** One facet in the sidebar: its label and values with counts. */
public record FacetView(String name, String label, List<FacetValueView> values) {}
