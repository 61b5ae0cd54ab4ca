package dev.lore.ui.view.search;

/** A facet value; {@code url} is the search with this value selected or, if selected, removed. */
public record FacetValueView(String value, String label, long count, boolean selected, String url) {}
