package dev.lore.ui.view.learning;

import java.util.Optional;

/**
 * The confirmation after "mark this step done" on an article: step {@code n} of {@code total} is
 * done ({@code done} steps in all), the next step not done yet if any ({@code next}: its number,
 * title and address), and the page the learner came from ({@code back}).
 */
public record StepDoneView(
        String pathId, String pathTitle, int n, int done, int total, Optional<NextStep> next, String back) {

    /** A step still to do: its number, title and address (a page or a question). */
    public record NextStep(int n, String title, String url) {}
}
