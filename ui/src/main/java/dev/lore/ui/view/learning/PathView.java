package dev.lore.ui.view.learning;

import dev.lore.ui.view.common.PersonLinkView;
import java.util.List;

/**
 * A learning path's page: its steps, and for a signed-in viewer their progress ({@code done} of
 * {@code total}) and a form per step. {@code canEdit} shows the edit link (champions);
 * {@code following} whether the viewer follows the path (its Follow button).
 */
public record PathView(
        String id,
        String title,
        String description,
        String level,
        String skill,
        PersonLinkView createdBy,
        List<PathStepView> steps,
        boolean signedIn,
        int done,
        int total,
        int percent,
        boolean canEdit,
        boolean following) {}
