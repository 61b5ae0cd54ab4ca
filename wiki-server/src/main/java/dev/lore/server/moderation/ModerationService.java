package dev.lore.server.moderation;

import dev.lore.graph.moderation.AuditEvent;
import dev.lore.graph.moderation.Flag;
import dev.lore.graph.moderation.FlagOutcomes;
import dev.lore.graph.moderation.Hidden;
import dev.lore.graph.moderation.HiddenItem;
import dev.lore.graph.moderation.ModerationStore;
import dev.lore.graph.moderation.QueueItem;
import dev.lore.graph.person.Person;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Role;
import dev.lore.server.error.ConflictException;
import dev.lore.server.error.ForbiddenException;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.notify.Notifier;
import dev.lore.server.search.IndexSync;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Light moderation: anyone signed in flags content with a reason; champions review the open flags,
 * hide or restore content (with a reason) and dismiss flags. Hiding keeps the content and its
 * history; the index drops it at once and takes it back on restore. Every action is in the audit
 * log. Thread-safe.
 */
public final class ModerationService {
    /** Why content can be flagged. */
    public static final List<String> REASONS = List.of("spam", "wrong", "outdated", "offensive", "other");

    static final int MAX_NOTE = 1_000;
    static final int MAX_REASON = 500;

    private final ModerationStore store;
    private final IndexSync index;
    private final Clock clock;
    private final Notifier notifier;
    private final FlagOutcomes outcomes;

    public ModerationService(ModerationStore store, IndexSync index, Clock clock) {
        this(store, index, clock, Notifier.NONE);
    }

    /** With {@code notifier} telling owners and champions of new flags, in the flag's transaction. */
    public ModerationService(ModerationStore store, IndexSync index, Clock clock, Notifier notifier) {
        this.store = store;
        this.index = index;
        this.clock = clock;
        this.notifier = notifier;
        this.outcomes = store.outcomes();
    }

    /**
     * {@code person} flags content.
     *
     * @throws ConflictException if they already have an open flag on it
     */
    public Flag flag(Person person, String kind, String target, String reason, Optional<String> note) {
        String k = kind(kind);
        if (reason == null || !REASONS.contains(reason)) {
            throw new InvalidInputException("reason must be one of " + REASONS + ", was " + reason);
        }
        Optional<String> n = note.map(String::strip).filter(s -> !s.isEmpty());
        if (n.isPresent() && n.get().length() > MAX_NOTE) {
            throw new InvalidInputException("note must be at most " + MAX_NOTE + " characters, was "
                    + n.get().length());
        }
        return notifier.together(() -> {
            Flag flag = store.flag(k, target(target), person.id(), reason, n, clock.instant())
                    .orElseThrow(() ->
                            new ConflictException("you already flagged this " + k + "; a champion will look at it"));
            notifier.flagged(flag);
            return flag;
        });
    }

    public List<QueueItem> queue(Person champion) {
        requireChampion(champion);
        return store.queue(200);
    }

    /** Hides content; whoever flagged it hears it was hidden, with the reason. */
    public void hide(Person champion, String kind, String target, String reason) {
        requireChampion(champion);
        String why = requiredReason(reason);
        notifier.together(() -> {
            var settled = store.hide(kind(kind), target(target), champion.id(), why, clock.instant());
            settled.forEach(
                    flag -> notifier.flagSettled(flag, FlagOutcomes.Outcome.HIDDEN, champion.id(), Optional.of(why)));
            return settled;
        });
        index.catchUp();
    }

    public void restore(Person champion, String kind, String target, String reason) {
        requireChampion(champion);
        store.restore(kind(kind), target(target), champion.id(), requiredReason(reason), clock.instant());
        index.catchUp();
    }

    /** @throws ConflictException if the flag was already resolved */
    public void dismiss(Person champion, String flagId, Optional<String> reason) {
        settle(champion, flagId, FlagOutcomes.Outcome.DISMISSED, reason);
    }

    /**
     * Settles a flag: dismissed, sent to whoever answers for the content (they are asked to fix
     * it), or fixed. The person who flagged hears the outcome in their inbox.
     *
     * @throws ConflictException if the flag was already resolved
     */
    public void settle(Person champion, String flagId, FlagOutcomes.Outcome outcome, Optional<String> note) {
        requireChampion(champion);
        Optional<String> why = note.map(String::strip).filter(s -> !s.isEmpty());
        why.ifPresent(ModerationService::requiredReason);
        notifier.together(() -> {
            var resolved = outcomes.resolve(flagId, champion.id(), outcome, why, clock.instant())
                    .orElseThrow(() -> new ConflictException("flag " + flagId + " is already resolved"));
            notifier.flagSettled(resolved, outcome, champion.id(), why);
            return resolved;
        });
    }

    /** Hidden articles, questions and answers, the most recently hidden first, for champions to restore. */
    public List<HiddenItem> hiddenContent(Person champion, int limit) {
        requireChampion(champion);
        return store.hiddenContent(limit, 280);
    }

    public List<AuditEvent> audit(Person champion, int limit) {
        requireChampion(champion);
        return store.audit(limit);
    }

    /** Who hid this content and why; empty if it is visible. */
    public Optional<Hidden> hidden(String kind, String target) {
        return store.hidden(kind(kind), target);
    }

    private static void requireChampion(Person person) {
        if (!AuthService.roleOf(person).atLeast(Role.CHAMPION)) {
            throw new ForbiddenException("only champions moderate");
        }
    }

    private static String kind(String kind) {
        if (kind == null || !ModerationStore.KINDS.contains(kind)) {
            throw new InvalidInputException("targetKind must be one of " + ModerationStore.KINDS + ", was " + kind);
        }
        return kind;
    }

    private static String target(String target) {
        if (target == null || target.isBlank()) {
            throw new InvalidInputException("target is required: an article's slug, or a question's or answer's id");
        }
        return target.strip();
    }

    private static String requiredReason(String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty() || r.length() > MAX_REASON) {
            throw new InvalidInputException("reason must be 1-" + MAX_REASON + " characters, was " + r.length());
        }
        return r;
    }
}
