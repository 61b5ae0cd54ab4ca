package dev.lore.ui.view.taught;

import java.util.List;

/**
 * The "this taught me something" block of a page or an answer: a count and the notes, never a
 * score. {@code action} is where the form posts (the revoke form posts to {@code action + "/revoke"}).
 *
 * @param kind article or answer (names the block's ids)
 * @param marked the reader has marked it (they may take it back)
 * @param canMark the reader is signed in, did not write it and has not marked it yet
 */
public record TaughtMeView(
        String kind,
        String key,
        String action,
        int count,
        List<TaughtNoteView> notes,
        boolean marked,
        boolean canMark) {
    public TaughtMeView {
        notes = List.copyOf(notes);
    }

    /** The marks that came with a note. */
    public List<TaughtNoteView> withNotes() {
        return notes.stream().filter(n -> n.note().isPresent()).toList();
    }
}
