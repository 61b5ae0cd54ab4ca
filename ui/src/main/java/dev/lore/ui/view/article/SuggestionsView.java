package dev.lore.ui.view.article;

import java.util.List;

/** The suggested edits a person may decide on, and those they made themselves with their outcome. */
public record SuggestionsView(List<SuggestionItem> waiting, List<SuggestionItem> mine) {}
