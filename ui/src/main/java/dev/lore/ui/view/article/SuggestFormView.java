package dev.lore.ui.view.article;

import java.util.Optional;

/** The form to suggest an edit to a page one cannot edit, prefilled with the page's text. */
public record SuggestFormView(
        String slug,
        String pageTitle,
        String title,
        String markdown,
        String message,
        int baseRevision,
        Optional<String> error) {}
