package dev.lore.ui.view.article;

import java.util.List;
import java.util.Optional;

/**
 * One suggested edit: what it changes against the revision it was made on, who made it and what
 * became of it. {@code canDecide} shows the accept and decline forms (owner or champion, while it
 * is open); {@code stale} says the page has moved on since, so it cannot be accepted as it is.
 */
public record SuggestionView(
        String id,
        String slug,
        String pageTitle,
        String title,
        String markdown,
        String message,
        String byId,
        String byName,
        String ago,
        String status,
        Optional<String> decidedBy,
        String note,
        Optional<Integer> revision,
        int baseRevision,
        List<DiffLine> changes,
        boolean canDecide,
        boolean stale) {}
