package dev.lore.server.article;

import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.article.Article;
import dev.lore.graph.article.SuggestionStore;
import dev.lore.graph.article.SuggestionStore.Status;
import dev.lore.graph.article.SuggestionStore.Suggestion;
import dev.lore.graph.person.Person;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Role;
import dev.lore.server.error.ConflictException;
import dev.lore.server.error.ForbiddenException;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.error.TooLargeException;
import dev.lore.server.notify.Notifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Suggested edits: anyone signed in proposes new text for a page; its owner or a champion accepts
 * it (it becomes a revision credited to the proposer, optionally followed by the decider's own
 * touch-ups as a revision of theirs) or declines it with a note. The proposer hears either way, the
 * owner hears of a new suggestion. Thread-safe.
 */
public final class Suggestions {
    private static final int MAX_MESSAGE = 500;
    private static final int MAX_NOTE = 1_000;

    private final SuggestionStore store;
    private final ArticleService articles;
    private final Notifier notifier;
    private final Clock clock;

    public Suggestions(SuggestionStore store, ArticleService articles, Notifier notifier, Clock clock) {
        this.store = store;
        this.articles = articles;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** A proposal: new text (and optionally title) for a page, against the revision it was read at. */
    public record Input(String title, String markdown, String message, Integer baseRevision) {}

    /**
     * Records a suggestion by {@code person} on the page at {@code slug}.
     *
     * @throws InvalidInputException if it changes nothing or names a revision the page does not have
     */
    public Suggestion suggest(String slug, Person person, Input input) {
        Article current = articles.find(slug).article();
        if (input.markdown() == null) {
            throw new InvalidInputException("markdown is required");
        }
        String markdown = input.markdown().replace("\r\n", "\n");
        int bytes = markdown.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ArticleService.MAX_MARKDOWN_BYTES) {
            throw new TooLargeException(
                    "markdown must be at most " + ArticleService.MAX_MARKDOWN_BYTES + " bytes (1 MiB), was " + bytes);
        }
        String title = Optional.ofNullable(input.title())
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .orElse(current.title());
        if (title.length() > ArticleService.MAX_TITLE || title.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("title must be 1-" + ArticleService.MAX_TITLE
                    + " characters without line breaks, was " + title.length() + " characters");
        }
        String message = Optional.ofNullable(input.message()).orElse("").strip();
        if (message.length() > MAX_MESSAGE) {
            throw new InvalidInputException(
                    "message must be at most " + MAX_MESSAGE + " characters, was " + message.length());
        }
        int base = input.baseRevision() == null ? current.revision() : input.baseRevision();
        if (base < 1 || base > current.revision()) {
            throw new InvalidInputException(
                    "baseRevision must be between 1 and " + current.revision() + ", was " + base);
        }
        if ((markdown.equals(current.markdown()) || markdown.equals(EditorText.of(current.markdown(), current.title())))
                && title.equals(current.title())) {
            throw new InvalidInputException("the suggestion changes nothing: edit the text first");
        }
        return notifier.together(() -> {
            Suggestion s = store.create(current.slug(), person.id(), title, markdown, message, base, clock.instant());
            notifier.editSuggested(person.id(), current.title(), current.owner(), s.id(), message);
            return s;
        });
    }

    public Suggestion find(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("no suggestion '" + id + "'"));
    }

    /** The text a suggestion started from, for its diff. */
    public String baseText(Suggestion s) {
        try {
            return articles.revision(s.articleSlug(), s.baseRevision()).markdown();
        } catch (NotFoundException e) {
            return "";
        }
    }

    public LineDiff.Result diff(Suggestion s) {
        // against the base as the suggester's editor showed it (front matter and title heading left out)
        return LineDiff.between(EditorText.of(baseText(s), s.articleTitle()), s.markdown());
    }

    /** Whether {@code person} may accept or decline suggestions on this page: its owner, or a champion. */
    public static boolean canDecide(Optional<Person> person, Suggestion s) {
        return person.map(p -> AuthService.roleOf(p).atLeast(Role.CHAMPION)
                        || s.articleOwner().filter(p.id()::equals).isPresent())
                .orElse(false);
    }

    public List<Suggestion> forPage(String slug) {
        return store.forPage(articles.find(slug).article().slug(), false);
    }

    public List<Suggestion> byPerson(String personId) {
        return store.byPerson(personId, 100);
    }

    /** Open suggestions this person may decide on. */
    public List<Suggestion> waitingFor(Person person) {
        return store.waiting(person.id(), AuthService.roleOf(person).atLeast(Role.CHAMPION), 200);
    }

    /**
     * Accepts a suggestion: its text becomes a revision credited to the proposer; with {@code
     * edited} text that differs, the decider's touch-ups follow as a revision of their own.
     *
     * @return the page as accepting left it
     * @throws ConflictException if it was decided already, or the page changed since it was made
     */
    public Article accept(String id, Person decider, Optional<String> edited) {
        Suggestion s = decidable(id, decider);
        Article accepted = articles.inOneTransaction(() -> {
            Article current = articles.find(s.articleSlug()).article();
            if (current.revision() != s.baseRevision()) {
                throw new ConflictException("the page changed since this suggestion was made (revision "
                        + s.baseRevision() + ", now " + current.revision()
                        + "): edit the page by hand, then decline the suggestion with a note");
            }
            String message = "Suggested by " + s.by().name() + (s.message().isBlank() ? "" : ": " + s.message());
            Article a = articles.update(
                    current.slug(), current.revision(), input(s.title(), s.markdown(), message), s.by().id());
            Optional<String> touchUp = edited.map(t -> t.replace("\r\n", "\n")).filter(t -> !t.equals(s.markdown()));
            if (touchUp.isPresent()) {
                a = articles.update(
                        a.slug(),
                        a.revision(),
                        input(a.title(), touchUp.get(), "Edited on accepting a suggestion"),
                        decider.id());
            }
            int revision = a.revision();
            Article saved = a;
            notifier.together(() -> {
                if (!store.decide(id, Status.ACCEPTED, decider.id(), "", Optional.of(revision), clock.instant())) {
                    throw new ConflictException("this suggestion was already decided");
                }
                notifier.suggestionDecided(true, decider.id(), s.by().id(), saved.title(), id, "");
                return null;
            });
            return saved;
        });
        return accepted;
    }

    /** Declines a suggestion with a note to its proposer. */
    public void decline(String id, Person decider, String note) {
        Suggestion s = decidable(id, decider);
        String clean = note == null ? "" : note.strip();
        if (clean.isEmpty() || clean.length() > MAX_NOTE) {
            throw new InvalidInputException(
                    "note must be 1-" + MAX_NOTE + " characters: tell the proposer why, was " + clean.length());
        }
        notifier.together(() -> {
            if (!store.decide(id, Status.DECLINED, decider.id(), clean, Optional.empty(), clock.instant())) {
                throw new ConflictException("this suggestion was already decided");
            }
            notifier.suggestionDecided(false, decider.id(), s.by().id(), s.articleTitle(), id, clean);
            return null;
        });
    }

    private Suggestion decidable(String id, Person decider) {
        Suggestion s = find(id);
        if (!canDecide(Optional.of(decider), s)) {
            throw new ForbiddenException("only the page's owner or a champion can decide on a suggested edit");
        }
        if (s.status() != Status.OPEN) {
            throw new ConflictException(
                    "this suggestion was already " + s.status().id());
        }
        return s;
    }

    private static ArticleInput input(String title, String markdown, String message) {
        return new ArticleInput(
                Optional.of(title),
                markdown,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(message));
    }

    static NotFoundException notFound(NoSuchEntityException e) {
        return new NotFoundException("no article at '" + e.key() + "'");
    }
}
