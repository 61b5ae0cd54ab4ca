package dev.lore.ui.view.learning;

import java.util.Optional;

/**
 * The form that builds or edits a path. {@code steps} is one step per line, {@code kind: ref |
 * prompt}; {@code action} is where it posts; {@code error} says why the last try was refused.
 */
public record PathFormView(
        String heading,
        String action,
        String title,
        String description,
        String level,
        String skill,
        String steps,
        Optional<String> error) {}
