package dev.lore.server.taught;

import dev.lore.graph.taught.Target;
import dev.lore.graph.taught.TaughtNote;
import java.util.List;

/**
 * The taught-me marks on one article or answer as a reader sees them: how many, the notes, and
 * whether this reader marked it. A count and notes, never a score.
 *
 * @param marked the reader has marked it
 * @param canMark the reader is signed in, did not write it and has not marked it
 */
public record TaughtSummary(Target target, int count, List<TaughtNote> notes, boolean marked, boolean canMark) {
    public TaughtSummary {
        notes = List.copyOf(notes);
    }
}
