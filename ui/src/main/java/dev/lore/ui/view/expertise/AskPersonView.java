package dev.lore.ui.view.expertise;

import java.util.Optional;

/**
 * "Ask Ana": a question for one person, with what was typed and, after a failed post, why.
 *
 * @param hoursRouteFurther after how many hours without an answer the next experts are asked too
 */
public record AskPersonView(
        String personId,
        String name,
        String title,
        String markdown,
        String skills,
        long hoursRouteFurther,
        Optional<String> error) {}
