package dev.lore.ui.view.learning;

import dev.lore.ui.view.common.LinkView;
import java.util.List;
import java.util.Optional;

/**
 * The collection editor, for a new collection ({@code id} empty) or an existing one. The form
 * carries the whole collection, so moving, removing and adding articles (plain submit buttons)
 * work without JavaScript and change nothing until it is saved ({@code unsaved}). {@code
 * candidates} are the articles a title search found, to add one; {@code error} says why the last
 * try was refused.
 */
public record CollectionFormView(
        String heading,
        String action,
        Optional<String> id,
        String title,
        String description,
        String skill,
        boolean onHome,
        List<LinkView> articles,
        String add,
        List<LinkView> candidates,
        boolean unsaved,
        Optional<String> error) {}
