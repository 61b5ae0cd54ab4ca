package dev.lore.ui.view.curation;

/** The confirmation after "Request a page": the words that were asked for. */
public record RequestedView(String query) {}
