package dev.lore.ui.view;

/**
 * A contributor to an article: their number of edits and that number as a share of all edits, in
 * percent (a stand-in until shares are measured in lines).
 */
public record ContributorView(String id, String name, int edits, int sharePercent) {}
