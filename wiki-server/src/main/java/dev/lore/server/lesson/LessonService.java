package dev.lore.server.lesson;

import dev.lore.graph.article.Article;
import dev.lore.graph.lesson.LessonInfo;
import dev.lore.graph.lesson.LessonStore;
import dev.lore.graph.lesson.Sharing;
import dev.lore.graph.person.Person;
import dev.lore.server.article.ArticleService;
import dev.lore.server.auth.AuthAudit;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.notify.Notifier;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Lessons learned: sharing one attributed or on behalf of the team, the optional champion review,
 * and "this would have saved me time". A team-shared lesson is saved by the team's voice, so no
 * page, feed, index or notification ever holds its author; the author is written to the audit log
 * and to one relationship that only {@link #sharedBy} (the author's own view), champions and
 * admins read. Thread-safe.
 */
public final class LessonService {
    private final LessonStore store;
    private final ArticleService articles;
    private final Notifier notifier;
    private final AuthAudit audit;
    private final Clock clock;
    private final Runnable catchUp;

    /** @param catchUp brings the search index up to the graph (a published lesson becomes findable) */
    public LessonService(
            LessonStore store,
            ArticleService articles,
            Notifier notifier,
            AuthAudit audit,
            Clock clock,
            Runnable catchUp) {
        this.catchUp = catchUp;
        this.store = store;
        this.articles = articles;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    /** The writer hook for {@link ArticleService#withWriters}: a sharer's edits stay the team's. */
    public static ArticleService.Writers writers(LessonStore store) {
        return (articleId, personId) -> store.findById(articleId)
                .filter(l -> l.teamShared() && l.authorId().equals(personId))
                .flatMap(LessonInfo::voiceId)
                .orElse(personId);
    }

    /** Shares a lesson by {@code author} now and answers with it as shared. */
    public LessonInfo share(LessonInput input, Person author) {
        Instant now = clock.instant();
        Optional<String> incident =
                input.incident().map(String::strip).filter(s -> !s.isEmpty()).map(this::incidentSlug);
        Optional<String> team =
                Optional.ofNullable(author.team()).map(String::strip).filter(t -> !t.isEmpty());
        boolean byTeam = input.sharing() == Sharing.TEAM;
        // the lesson, its sharing and its notifications commit together (see Notifier)
        LessonInfo lesson = notifier.together(() -> {
            Optional<String> voice = byTeam ? Optional.of(store.voiceFor(team, now)) : Optional.empty();
            Article a = articles.create(input.page(), voice.orElse(author.id()), now);
            store.shared(
                    a.id(),
                    author.id(),
                    input.sharing(),
                    voice,
                    byTeam ? team : Optional.empty(),
                    input.review(),
                    incident,
                    now);
            LessonInfo shared = store.findById(a.id()).orElseThrow();
            String writer = voice.orElse(author.id());
            if (shared.pending()) {
                notifier.lessonForReview(writer, shared.title());
            } else {
                notifier.articleSaved(Optional.empty(), a, "", writer);
            }
            return shared;
        });
        catchUp.run();
        audit.record(
                "lesson-share",
                author.id(),
                author.id(),
                Optional.of(
                        input.sharing().id() + (input.review() ? ", review first" : "") + ": /wiki/" + lesson.slug()));
        return lesson;
    }

    /** The lesson at {@code slug}, if it was shared as one. */
    public Optional<LessonInfo> find(String slug) {
        return store.find(slug);
    }

    /** Whether {@code viewer} may see the lesson while it waits for review (its author does). */
    public boolean authorOf(String slug, Optional<Person> viewer) {
        return viewer.isPresent()
                && store.find(slug)
                        .map(l -> l.authorId().equals(viewer.get().id()))
                        .orElse(false);
    }

    /** Lessons the person shared, for their own eyes. */
    public List<LessonInfo> sharedBy(String personId) {
        return store.sharedBy(personId);
    }

    /** Published lessons about a skill, most "saved me time" first. */
    public List<LessonStore.Listed> about(String skill, int limit) {
        return store.about(skill, limit);
    }

    /** Lessons waiting for a champion. */
    public List<LessonInfo> pending() {
        return store.pending();
    }

    /** A champion publishes a lesson that waited for review; its watchers hear as of a new page. */
    public LessonInfo approve(String slug, Person champion) {
        LessonInfo lesson = store.find(slug).orElseThrow(() -> new NotFoundException("no lesson at '" + slug + "'"));
        if (!lesson.pending()) {
            throw new InvalidInputException("the lesson at '" + slug + "' is not waiting for review");
        }
        notifier.together(() -> {
            store.approve(lesson.articleId(), champion.id(), clock.instant());
            Article published = articles.find(slug).article();
            notifier.articleSaved(
                    Optional.empty(), published, "", lesson.voiceId().orElse(lesson.authorId()));
            return published;
        });
        catchUp.run();
        audit.record("lesson-approve", lesson.authorId(), champion.id(), Optional.of("/wiki/" + slug));
        return store.find(slug).orElseThrow();
    }

    /** Marks or unmarks that the lesson would have saved {@code reader} time; answers the new count. */
    public long savedTime(String slug, Person reader, boolean on) {
        Article a = articles.find(slug).article();
        if (!a.isLesson()) {
            throw new InvalidInputException("only lessons can be marked as saving time; '" + slug + "' is an article");
        }
        return store.savedTime(a.id(), reader.id(), on, clock.instant());
    }

    /** How many readers marked the lesson, and whether {@code reader} did. */
    public LessonStore.SavedTime savedTime(String articleId, Optional<Person> reader) {
        return store.savedTime(articleId, reader.map(Person::id));
    }

    private String incidentSlug(String slugOrTitle) {
        String key = dev.lore.server.markdown.Slugs.slugify(slugOrTitle);
        try {
            return articles.find(key).article().slug();
        } catch (NotFoundException e) {
            throw new InvalidInputException("incident must name an existing page, was '" + slugOrTitle + "'");
        }
    }
}
