package dev.lore.ui.view.taught;

import java.util.List;

/**
 * On a person's page, "What people learned from ...": how many marks their pages and answers got,
 * from how many people, and the newest notes.
 */
public record LearnedFromView(int marks, int people, List<LearnedView> notes) {
    public LearnedFromView {
        notes = List.copyOf(notes);
    }

    public static LearnedFromView none() {
        return new LearnedFromView(0, 0, List.of());
    }
}
