package dev.lore.ui.view.article;

import java.util.List;
import java.util.Optional;

/**
 * The form that moves a page (with everything under it) to a new parent. {@code choices} are the
 * pages it may go under, with their depth for indenting; the page's own subtree is left out.
 */
public record MoveView(
        String slug, String title, Optional<String> parent, List<Choice> choices, Optional<String> error) {
    /** A possible new parent. */
    public record Choice(String slug, String title, int depth) {}
}
