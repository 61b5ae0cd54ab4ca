package dev.lore.ui.view.article;

/** A suggested edit in a list: the page, who suggested it, when, and its status. */
public record SuggestionItem(String id, String slug, String pageTitle, String byName, String ago, String status) {}
