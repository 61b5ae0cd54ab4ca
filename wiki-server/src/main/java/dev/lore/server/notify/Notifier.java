package dev.lore.server.notify;

import dev.lore.graph.Graph;
import dev.lore.graph.article.Article;
import dev.lore.graph.expertise.SkillNames;
import dev.lore.graph.moderation.Flag;
import dev.lore.graph.notify.AutoWatch;
import dev.lore.graph.notify.Event;
import dev.lore.graph.notify.EventKind;
import dev.lore.graph.notify.Lookups;
import dev.lore.graph.notify.NotificationStore;
import dev.lore.graph.notify.Subject;
import dev.lore.graph.notify.WatchKind;
import dev.lore.graph.question.Answer;
import dev.lore.graph.question.AnswerRef;
import dev.lore.graph.question.Comment;
import dev.lore.graph.question.Kudos;
import dev.lore.graph.question.Question;
import dev.lore.server.markdown.MarkdownRenderer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns what the services did into events, written in the same graph transaction as the write
 * that caused them: a service runs its write and the matching call here inside {@link #together},
 * so a notification exists exactly when its cause committed. Imports call none of this: they
 * notify nobody. Thread-safe.
 */
public class Notifier {
    /** Notifies nobody; for services built without notifications (tools, benchmarks). */
    public static final Notifier NONE = new Notifier();

    private static final int MESSAGE = 200;

    /** The actor of what Lore does by itself (reminders, routing further, switching off a hook). */
    public static final String SYSTEM = "lore";

    private final Graph graph;
    private final NotificationStore notifications;
    private final Lookups lookups;
    private final MarkdownRenderer markdown;
    private final Clock clock;

    public Notifier(
            Graph graph, NotificationStore notifications, Lookups lookups, MarkdownRenderer markdown, Clock clock) {
        this.graph = graph;
        this.notifications = notifications;
        this.lookups = lookups;
        this.markdown = markdown;
        this.clock = clock;
    }

    private Notifier() {
        this.graph = null;
        this.notifications = null;
        this.lookups = null;
        this.markdown = null;
        this.clock = null;
    }

    private boolean off() {
        return graph == null;
    }

    /** Runs a write and its notifications in one transaction. */
    public <T> T together(Supplier<T> write) {
        return off() ? write.get() : graph.inOneTransaction(write);
    }

    /** A page was created ({@code before} empty) or saved as a new revision. */
    public void articleSaved(Optional<Article> before, Article after, String message, String actorId) {
        if (off()) {
            return;
        }
        String title = after.title();
        if (before.isEmpty()) {
            var watched = new ArrayList<Subject>();
            watched.add(new Subject(WatchKind.PERSON, actorId));
            after.skills().forEach(s -> skill(s).ifPresent(watched::add));
            record(Event.of(EventKind.NEW_PAGE, actorId, title, "/wiki/" + after.slug(), "", watched, List.of(), now())
                    .watching(article(after), AutoWatch.CREATE));
        } else {
            String url = "/wiki/" + after.slug() + "/diff?from=" + before.get().revision();
            record(Event.of(
                            EventKind.PAGE_CHANGED,
                            actorId,
                            title,
                            url,
                            message,
                            List.of(article(after)),
                            List.of(),
                            now())
                    .collapsedBy("page:" + after.id() + ":" + actorId)
                    .watching(article(after), AutoWatch.EDIT));
        }
        mentioned(
                before.map(Article::markdown).orElse(""),
                after.markdown(),
                actorId,
                title,
                "/wiki/" + after.slug(),
                Optional.empty());
    }

    /** A question was asked and routed to experts. */
    public void asked(Question q) {
        if (off()) {
            return;
        }
        QuestionEvents.asked(q, clock).forEach(this::record);
        mentioned("", q.markdown(), q.asker().id(), q.title(), "/questions/" + q.id(), Optional.empty());
    }

    /**
     * A question asked of one person went unanswered and was routed to {@code people} as well: they
     * are asked, and the asker hears whom Lore asked on their behalf.
     */
    public void routedFurther(Question q, List<String> people) {
        if (!off()) {
            QuestionEvents.routedFurther(q, people, clock).forEach(this::record);
        }
    }

    public void answered(Answer a) {
        if (off()) {
            return;
        }
        var question = lookups.question(a.questionId());
        record(QuestionEvents.answered(a, question, now()));
        String title = question.map(e -> e.getKey()).orElse("");
        mentioned("", a.markdown(), a.author().id(), title, "/questions/" + a.questionId(), Optional.of(a.id()));
    }

    public void accepted(AnswerRef ref, String actorId) {
        if (!off()) {
            record(QuestionEvents.accepted(ref, actorId, now()));
        }
    }

    /** Someone learned from an answer ("this taught me something"), with what they learned or "". */
    public void voted(AnswerRef ref, String actorId, String note) {
        if (!off()) {
            record(QuestionEvents.voted(ref, actorId, note, now()));
        }
    }

    /** Someone learned from a page: its authors hear, with what they learned or "". */
    public void taught(dev.lore.graph.taught.Subject page, String actorId, String note) {
        if (!off()) {
            record(Event.of(
                            EventKind.PAGE_TAUGHT,
                            actorId,
                            page.title(),
                            page.url(),
                            note,
                            List.of(),
                            page.authors(),
                            now())
                    .collapsedBy("taught:" + page.id()));
        }
    }

    public void commented(Comment c) {
        if (off()) {
            return;
        }
        lookups.commentTarget(c.targetKind(), c.targetId()).ifPresent(target -> {
            Optional<String> answer = c.targetKind().equals("answer") ? Optional.of(c.targetId()) : Optional.empty();
            Event event = Event.of(
                            EventKind.COMMENT,
                            c.author().id(),
                            target.title(),
                            target.url(),
                            excerpt(c.markdown()),
                            List.of(target.watched()),
                            target.contentAuthorId().map(List::of).orElse(List.of()),
                            now())
                    .watching(target.watched(), AutoWatch.COMMENT);
            record(answer.map(event::aboutAnswer).orElse(event));
            mentioned("", c.markdown(), c.author().id(), target.title(), target.url(), answer);
        });
    }

    public void kudos(Kudos k) {
        if (off()) {
            return;
        }
        String url = k.kind().equals("article") ? "/wiki/" + k.targetKey() : "/questions/" + k.targetKey();
        record(Event.of(
                EventKind.KUDOS, k.from().id(), k.title(), url, k.note(), List.of(), List.of(k.to().id()), now()));
    }

    /** Someone suggested an edit: the page's owner hears (champions find it in the list of suggestions). */
    public void editSuggested(
            String actorId, String pageTitle, Optional<String> ownerId, String suggestionId, String message) {
        if (!off()) {
            ownerId.ifPresent(owner ->
                    record(ReviewEvents.editSuggested(actorId, pageTitle, owner, suggestionId, message, now())));
        }
    }

    /** A suggested edit was accepted or declined: its proposer hears, with the decider's note. */
    public void suggestionDecided(
            boolean accepted, String deciderId, String proposerId, String pageTitle, String suggestionId, String note) {
        if (!off()) {
            record(ReviewEvents.suggestionDecided(
                    accepted, deciderId, proposerId, pageTitle, suggestionId, note, now()));
        }
    }

    /**
     * Content was flagged: whoever answers for it (page owner, asker, answer author) hears, and the
     * champions see a new item in the review queue. Neither names the flagger's note beyond the reason.
     */
    public void flagged(Flag flag) {
        if (off()) {
            return;
        }
        lookups.flagTarget(flag.targetKind(), flag.targetId())
                .ifPresent(target -> ReviewEvents.flagged(flag, target, lookups.champions(), clock)
                        .forEach(this::record));
    }

    /**
     * A lesson waits for a champion's review: every champion and admin hears. {@code actorId} is
     * whom the lesson is credited to (a team's voice when shared by the team), never more.
     */
    public void lessonForReview(String actorId, String title) {
        if (!off()) {
            record(ReviewEvents.lessonForReview(actorId, title, lookups.champions(), now()));
        }
    }

    /**
     * A champion settled a flag: with {@link dev.lore.graph.moderation.FlagOutcomes.Outcome#SENT_TO_OWNER}
     * whoever answers for the content (page owner, asker, answer author) is asked to fix it; the
     * person who flagged always hears the outcome.
     */
    public void flagSettled(
            dev.lore.graph.moderation.FlagOutcomes.Resolved flag,
            dev.lore.graph.moderation.FlagOutcomes.Outcome outcome,
            String actorId,
            Optional<String> note) {
        if (off()) {
            return;
        }
        lookups.flagTarget(flag.targetKind(), flag.targetId())
                .ifPresent(target -> FlagSettledEvents.of(flag, outcome, target, actorId, note, now())
                        .forEach(this::record));
    }

    /** A page {@code owner} owns fell due for review at {@code dueAt}: a reminder to verify or update it. */
    public void pageStale(String slug, String title, String owner, java.time.Instant dueAt) {
        if (off()) {
            return;
        }
        record(Event.of(
                EventKind.PAGE_STALE,
                SYSTEM,
                title,
                "/wiki/" + slug,
                "Due for review since " + dueAt.toString().substring(0, 10)
                        + ": check it is still right and verify it, or update it.",
                List.of(),
                List.of(owner),
                now()));
    }

    /** A learner shared a reflection on a path (or changed a shared one): its new mentions notify. */
    public void reflectionShared(String pathId, String pathTitle, String actorId, String before, String after) {
        mentioned(before, after, actorId, pathTitle, "/paths/" + pathId, Optional.empty());
    }

    /** Notifies the people {@code after} mentions and {@code before} did not. */
    private void mentioned(
            String before, String after, String actorId, String title, String url, Optional<String> answer) {
        Set<String> added = new LinkedHashSet<>(markdown.mentions(after));
        if (added.isEmpty()) {
            return;
        }
        added.removeAll(markdown.mentions(before));
        Set<String> people = lookups.knownPeople(added);
        if (!people.isEmpty()) {
            Event event = Event.of(EventKind.MENTION, actorId, title, url, "", List.of(), List.copyOf(people), now());
            record(answer.map(event::aboutAnswer).orElse(event));
        }
    }

    private void record(Event event) {
        notifications.record(event);
    }

    private java.time.Instant now() {
        return clock.instant();
    }

    private static Subject article(Article a) {
        return new Subject(WatchKind.ARTICLE, a.slug());
    }

    static Optional<Subject> skill(String name) {
        return SkillNames.of(name).map(s -> new Subject(WatchKind.SKILL, s.key()));
    }

    static String excerpt(String markdown) {
        String flat = markdown.replaceAll("\\s+", " ").strip();
        return flat.length() <= MESSAGE ? flat : flat.substring(0, MESSAGE - 1) + "…";
    }
}
