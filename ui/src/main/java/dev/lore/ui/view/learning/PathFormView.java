package dev.lore.ui.view.learning;

import java.util.List;
import java.util.Optional;

/**
 * The form that builds or edits a path. {@code steps} is one step per line, {@code kind: ref |
 * prompt}; {@code action} is where it posts; {@code error} says why the last try was refused.
 * The step picker: {@code find} is what was looked for, {@code searched} whether it was (so "no
 * page matches" can be said), {@code candidates} the pages found, {@code replacing} the step a
 * candidate replaces (0: a candidate is added as the last step), {@code notice} what the last pick
 * did.
 */
public record PathFormView(
        String heading,
        String action,
        String title,
        String description,
        String level,
        String skill,
        String steps,
        Optional<String> error,
        String find,
        boolean searched,
        List<StepCandidateView> candidates,
        int replacing,
        Optional<String> notice) {

    /** The form without a search for steps. */
    public PathFormView(
            String heading,
            String action,
            String title,
            String description,
            String level,
            String skill,
            String steps,
            Optional<String> error) {
        this(
                heading,
                action,
                title,
                description,
                level,
                skill,
                steps,
                error,
                "",
                false,
                List.of(),
                0,
                Optional.empty());
    }
}
