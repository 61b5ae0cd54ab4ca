package dev.lore.server.curation;

import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.curation.VerificationStore;
import dev.lore.graph.curation.VerificationStore.Status;
import dev.lore.graph.person.Person;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Role;
import dev.lore.server.error.ForbiddenException;
import dev.lore.server.error.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Verification of article content: the owner (or any champion) confirms a page is still right
 * with one click; pages past their review interval are listed for their owners and champions and
 * marked for readers. Thread-safe.
 */
public final class VerificationService {
    static final int MIN_REVIEW_DAYS = 7;
    static final int MAX_REVIEW_DAYS = 730;
    /** The most pages one "Verify selected" takes: the list shows at most this many. */
    static final int MAX_BULK = 200;

    private final VerificationStore store;
    private final Clock clock;

    public VerificationService(VerificationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public Status status(String slug) {
        return store.status(slug).orElseThrow(() -> new NoSuchEntityException("article", slug));
    }

    /** Whether {@code person} may verify the article: its owner, or a champion. */
    public static boolean mayVerify(Person person, Status status) {
        return status.owner().map(person.id()::equals).orElse(false)
                || AuthService.roleOf(person).atLeast(Role.CHAMPION);
    }

    /** {@code person} verifies the page; {@code reviewDays} optionally sets its next interval. */
    public Status verify(String slug, Person person, Optional<Integer> reviewDays) {
        reviewDays.ifPresent(d -> {
            if (d < MIN_REVIEW_DAYS || d > MAX_REVIEW_DAYS) {
                throw new InvalidInputException(
                        "reviewDays must be " + MIN_REVIEW_DAYS + "-" + MAX_REVIEW_DAYS + ", was " + d);
            }
        });
        Status status = status(slug);
        if (!mayVerify(person, status)) {
            throw new ForbiddenException(
                    "only the page's owner (" + status.owner().orElse("none set") + ") or a champion can verify it");
        }
        return store.verify(slug, person.id(), clock.instant(), reviewDays);
    }

    /**
     * {@code person} verifies several pages at once (from the list of pages to verify). Every page
     * is checked first, so a page they may not verify changes nothing; pages deleted meanwhile are
     * left out. Returns how many were verified.
     */
    public int verifyAll(List<String> slugs, Person person) {
        if (slugs.isEmpty()) {
            throw new InvalidInputException("select at least one page to verify");
        }
        if (slugs.size() > MAX_BULK) {
            throw new InvalidInputException("verify at most " + MAX_BULK + " pages at once, was " + slugs.size());
        }
        var found = slugs.stream()
                .distinct()
                .map(store::status)
                .flatMap(Optional::stream)
                .toList();
        for (Status s : found) {
            if (!mayVerify(person, s)) {
                throw new ForbiddenException("only the owner of '" + s.title() + "' or a champion can verify it");
            }
        }
        Instant at = clock.instant();
        found.forEach(s -> store.verify(s.slug(), person.id(), at, Optional.empty()));
        return found.size();
    }

    /** Pages past due, most overdue first; {@code owner} narrows to one person's pages. */
    public List<Status> stale(Optional<String> owner, int limit) {
        return store.stale(clock.instant(), owner, limit);
    }
}
