package dev.lore.graph.taught;

import java.util.List;

/**
 * What people learned from one person's pages and answers.
 *
 * @param marks how many "this taught me something" their content received
 * @param people how many different people gave them
 * @param notes the newest marks that came with a line of what was learned, newest first
 */
public record LearnedFrom(int marks, int people, List<Learned> notes) {
    public LearnedFrom {
        notes = List.copyOf(notes);
    }

    public static LearnedFrom none() {
        return new LearnedFrom(0, 0, List.of());
    }
}
