package dev.lore.ui.view.lesson;

import java.util.Optional;

/**
 * The "New lesson" editor. {@code markdown} starts from the lesson template. {@code team} is the
 * author's team, named in the "shared by the team" choice (empty: the lesson is shared anonymously).
 *
 * @param sharing {@code attributed} or {@code team}
 */
public record LessonFormView(
        String title,
        String markdown,
        String tags,
        String skills,
        String incident,
        String sharing,
        boolean review,
        Optional<String> team,
        Optional<String> error) {}
