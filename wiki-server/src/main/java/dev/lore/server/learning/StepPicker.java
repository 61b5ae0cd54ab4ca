package dev.lore.server.learning;

import dev.lore.server.web.Requests;
import dev.lore.ui.view.learning.PathFormView;
import dev.lore.ui.view.learning.StepCandidateView;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * The path form's step picker, without JavaScript: "Find" posts the whole form and it comes back
 * with the pages that match what was typed, each a button; a page's button posts the form again
 * and comes back with that page added as the last step (or, for a step that named no page or
 * several, in place of that step). Nothing is saved until "Save path". Pressing Enter in a field
 * submits the form's first button, Find: with nothing to find, that saves.
 */
final class StepPicker {
    private static final int MAX_FIND = 200;

    private final PathService paths;
    private final StepCandidates candidates;

    StepPicker(PathService paths, StepCandidates candidates) {
        this.paths = paths;
        this.candidates = candidates;
    }

    /** What the form typed, as posted. */
    record Typed(
            String heading,
            String action,
            String title,
            String description,
            String level,
            String skill,
            String steps,
            String find) {

        PathFormView view(String steps, Optional<String> error) {
            return new PathFormView(heading, action, title, description, level, skill, steps, error);
        }
    }

    /**
     * The form again when the post asked for the picker (Find, or a page's button) rather than a
     * save; empty for a save.
     */
    Optional<PathFormView> answer(Context ctx, Typed typed) {
        String add = form(ctx, "add");
        String pick = form(ctx, "pick");
        if (!add.isBlank()) {
            return Optional.of(added(typed, add.strip()));
        }
        if (!pick.isBlank()) {
            return Optional.of(picked(typed, pick.strip()));
        }
        if ("find".equals(form(ctx, "intent")) && !typed.find().isBlank()) {
            String find = Requests.optionalText(typed.find(), "find", MAX_FIND);
            return Optional.of(found(typed, find, 0, Optional.empty()));
        }
        return Optional.empty();
    }

    /**
     * The refused form with, when the reason is an article step that names no page or several,
     * the pages like it to put in its place.
     */
    PathFormView refused(Typed typed, List<PathService.StepRequest> steps, String reason) {
        return paths.firstUnclear(steps)
                .map(u -> found(typed, u.text(), u.n(), Optional.of(reason)))
                .orElseGet(() -> typed.view(typed.steps(), Optional.of(reason)));
    }

    private PathFormView found(Typed typed, String text, int replacing, Optional<String> error) {
        List<StepCandidateView> found = candidates.find(text).stream()
                .map(c -> new StepCandidateView(c.slug(), c.title()))
                .toList();
        return new PathFormView(
                typed.heading(),
                typed.action(),
                typed.title(),
                typed.description(),
                typed.level(),
                typed.skill(),
                typed.steps(),
                error,
                text,
                true,
                found,
                replacing,
                Optional.empty());
    }

    private PathFormView added(Typed typed, String slug) {
        String line = line(slug);
        String steps = StepLines.append(typed.steps(), line);
        int n = StepLines.parse(steps).size();
        return notice(typed, steps, "Added “" + line + "” as step " + n + ".");
    }

    private PathFormView picked(Typed typed, String value) {
        int space = value.indexOf(' ');
        int n = space < 0 ? -1 : parseStep(value.substring(0, space));
        if (n < 1 || n > PathService.MAX_STEPS) {
            throw new dev.lore.server.error.InvalidInputException(
                    "pick must be a step number and a page's address, was '" + value + "'");
        }
        String line = line(value.substring(space + 1).strip());
        return notice(typed, StepLines.replace(typed.steps(), n, line), "Step " + n + " is now “" + line + "”.");
    }

    private String line(String slug) {
        return paths.stepLineFor(slug)
                .orElseThrow(() -> new dev.lore.server.error.InvalidInputException(
                        "no live article '" + slug + "' to add as a step"));
    }

    private static PathFormView notice(Typed typed, String steps, String notice) {
        return new PathFormView(
                typed.heading(),
                typed.action(),
                typed.title(),
                typed.description(),
                typed.level(),
                typed.skill(),
                steps,
                Optional.empty(),
                "",
                false,
                List.of(),
                0,
                Optional.of(notice));
    }

    private static int parseStep(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }
}
