package dev.lore.server.taught;

import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.question.QuestionStore;
import dev.lore.graph.taught.LearnedFrom;
import dev.lore.graph.taught.Subject;
import dev.lore.graph.taught.Target;
import dev.lore.graph.taught.TaughtNote;
import dev.lore.graph.taught.TaughtStore;
import dev.lore.server.error.ConflictException;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.notify.Notifier;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * "This taught me something" on articles (lessons included) and answers: one mark per person and
 * target, revocable, never on one's own content (a page one contributed to, an answer one wrote),
 * with an optional one-line note the authors see. The authors hear of each mark in their inbox, in
 * the mark's transaction. Thread-safe.
 */
public final class TaughtService {
    /** How many notes a person's profile shows. */
    public static final int PROFILE_NOTES = 20;

    private final TaughtStore store;
    private final QuestionStore questions;
    private final Notifier notifier;
    private final Runnable afterWrite;
    private final Clock clock;

    /** @param afterWrite runs after every change (the search index catching up with the new counts) */
    public TaughtService(
            TaughtStore store, QuestionStore questions, Notifier notifier, Runnable afterWrite, Clock clock) {
        this.store = Objects.requireNonNull(store, "store must not be null");
        this.questions = Objects.requireNonNull(questions, "questions must not be null");
        this.notifier = Objects.requireNonNull(notifier, "notifier must not be null");
        this.afterWrite = Objects.requireNonNull(afterWrite, "afterWrite must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /**
     * Marks the target as having taught {@code personId} something.
     *
     * @throws InvalidInputException on one's own content or a note too long (400)
     * @throws ConflictException when they already marked it (409: nothing changed)
     * @throws NoSuchEntityException when the target is missing, hidden or deleted (404)
     */
    public TaughtSummary mark(Target target, String personId, String rawNote) {
        Optional<String> note = TaughtNotes.clean(rawNote);
        Subject subject = subject(target);
        if (subject.contributors().contains(personId)) {
            throw new InvalidInputException(
                    "you cannot mark your own " + target.kind().id() + " as having taught you something");
        }
        Optional<Integer> marks = notifier.together(() -> {
            Optional<Integer> n = store.mark(target, personId, note, clock.instant());
            if (n.isPresent()) {
                switch (target.kind()) {
                    case ARTICLE -> notifier.taught(subject, personId, note.orElse(""));
                    case ANSWER ->
                        questions.answer(target.key()).ifPresent(ref -> notifier.voted(ref, personId, note.orElse("")));
                }
            }
            return n;
        });
        if (marks.isEmpty()) {
            throw new ConflictException("you already marked this "
                    + target.kind().id() + " as having taught you something; take it back first to change the note");
        }
        afterWrite.run();
        return summary(target, Optional.of(personId));
    }

    /**
     * Takes back {@code personId}'s mark; nothing changes, and no error, when there was none.
     *
     * @throws NoSuchEntityException when the target is missing, hidden or deleted (404)
     */
    public TaughtSummary unmark(Target target, String personId) {
        if (store.unmark(target, personId).isPresent()) {
            afterWrite.run();
        }
        return summary(target, Optional.of(personId));
    }

    /** The marks on a target as {@code readerId} sees them. */
    public TaughtSummary summary(Target target, Optional<String> readerId) {
        Subject subject = subject(target);
        List<TaughtNote> notes = store.notes(target);
        boolean marked = readerId.map(
                        r -> notes.stream().anyMatch(n -> n.by().id().equals(r)))
                .orElse(false);
        boolean own = readerId.map(subject.contributors()::contains).orElse(false);
        return new TaughtSummary(target, notes.size(), notes, marked, readerId.isPresent() && !own && !marked);
    }

    /** What people learned from a person's pages and answers, with the newest notes. */
    public LearnedFrom learnedFrom(String personId) {
        return store.learnedFrom(personId, PROFILE_NOTES);
    }

    /** Where the target is shown (a page, or the answer on its question page). */
    public String url(Target target) {
        return subject(target).url();
    }

    private Subject subject(Target target) {
        return store.subject(target)
                .orElseThrow(() -> new NoSuchEntityException(target.kind().id(), target.key()));
    }
}
