package dev.lore.ui.view.question;

import java.util.List;
import java.util.Optional;

/**
 * The ask form with what the person typed, and (after "Find similar" or a failed post) existing
 * articles and questions that may already answer it.
 *
 * @param searched similar content was looked for, so an empty list means none was found
 */
public record AskView(
        String title,
        String markdown,
        String skills,
        List<SimilarView> similar,
        boolean searched,
        Optional<String> error) {}
