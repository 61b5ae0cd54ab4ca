package dev.lore.server.question;

import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.article.Contributor;
import dev.lore.graph.question.Answer;
import dev.lore.graph.question.AnswerRef;
import dev.lore.graph.question.Comment;
import dev.lore.graph.question.CommentStore;
import dev.lore.graph.question.Kudos;
import dev.lore.graph.question.KudosStore;
import dev.lore.graph.question.Question;
import dev.lore.graph.question.QuestionStore;
import dev.lore.graph.question.QuestionSummary;
import dev.lore.graph.question.Recognition;
import dev.lore.indexer.LoreIndex;
import dev.lore.server.article.ArticlePage;
import dev.lore.server.article.ArticleService;
import dev.lore.server.error.ConflictException;
import dev.lore.server.error.ForbiddenException;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.expertise.ExpertService;
import dev.lore.server.markdown.Rendered;
import dev.lore.server.notify.Notifier;
import dev.lore.server.search.IndexSync;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Asking and answering: validation, routing a new question to the best available experts, the
 * rules (one helpful vote per person and answer, only the asker accepts, nobody thanks themselves),
 * and similar content shown before a question is posted. Every write goes to the graph, then to the
 * index before returning, as articles do. Thread-safe.
 */
public final class QuestionService {
    public static final int MAX_TITLE = 200;
    public static final int MAX_MARKDOWN_BYTES = ArticleService.MAX_MARKDOWN_BYTES;
    public static final int MAX_NOTE = 500;
    /** How many experts a new question is routed to. */
    public static final int ROUTE_TO = 3;
    /**
     * How long a question asked of one person waits for them before it is also routed to the next
     * {@value #ROUTE_TO} experts (a working morning or afternoon).
     */
    public static final java.time.Duration ROUTE_FURTHER_AFTER = java.time.Duration.ofHours(4);

    private static final int MAX_SIMILAR_TEXT = 1_000;

    private final QuestionStore store;
    private final CommentStore comments;
    private final KudosStore kudos;
    private final ArticleService articles;
    private final ExpertService experts;
    private final LoreIndex index;
    private final IndexSync sync;
    private final Clock clock;
    private final Notifier notifier;

    public QuestionService(
            QuestionStore store,
            CommentStore comments,
            KudosStore kudos,
            ArticleService articles,
            ExpertService experts,
            LoreIndex index,
            IndexSync sync,
            Clock clock) {
        this(store, comments, kudos, articles, experts, index, sync, clock, Notifier.NONE);
    }

    /** @param notifier told of every question, answer, vote, acceptance, comment and kudos */
    public QuestionService(
            QuestionStore store,
            CommentStore comments,
            KudosStore kudos,
            ArticleService articles,
            ExpertService experts,
            LoreIndex index,
            IndexSync sync,
            Clock clock,
            Notifier notifier) {
        this.store = store;
        this.comments = comments;
        this.kudos = kudos;
        this.articles = articles;
        this.experts = experts;
        this.index = index;
        this.sync = sync;
        this.clock = clock;
        this.notifier = notifier;
    }

    /** An existing article or question that may already answer what someone is about to ask. */
    public record Similar(String type, String key, String title, String url) {}

    /**
     * Asks a question and routes it to the {@value #ROUTE_TO} best available experts on its title
     * and skills, the asker left out.
     */
    public Question ask(String rawTitle, String rawMarkdown, List<String> rawSkills, String askerId) {
        String title = QuestionInput.title(rawTitle);
        String markdown = QuestionInput.markdown(rawMarkdown, "body", false);
        List<String> skills = QuestionInput.skills(rawSkills);
        List<String> routed = experts.askAbout(title, skills, Optional.of(askerId), ROUTE_TO).stream()
                .map(e -> e.person().id())
                .toList();
        Question asked = notifier.together(() -> {
            Question q =
                    store.ask(new QuestionStore.NewQuestion(title, markdown, skills, askerId, routed, clock.instant()));
            notifier.asked(q);
            return q;
        });
        sync.catchUp();
        return asked;
    }

    /**
     * Asks one person a question ("Ask Ana"): it is routed to them alone, and to the next
     * {@value #ROUTE_TO} experts on its title and skills if nobody answered it within {@link
     * #ROUTE_FURTHER_AFTER} (see {@link #routeFurther}).
     *
     * @throws NotFoundException when there is no such person
     * @throws InvalidInputException when asking oneself, or someone who left
     */
    public Question askPerson(
            String rawTitle, String rawMarkdown, List<String> rawSkills, String askerId, PersonCheckResult person) {
        String title = QuestionInput.title(rawTitle);
        String markdown = QuestionInput.markdown(rawMarkdown, "body", false);
        List<String> skills = QuestionInput.skills(rawSkills);
        if (person.id().equals(askerId)) {
            throw new InvalidInputException("you cannot ask yourself; ask a colleague who knows");
        }
        if (!person.active()) {
            throw new InvalidInputException(person.name() + " has left; ask one of the other experts");
        }
        var now = clock.instant();
        Question asked = notifier.together(() -> {
            Question q = store.askDirectly(
                    new QuestionStore.NewQuestion(title, markdown, skills, askerId, List.of(person.id()), now),
                    now.plus(ROUTE_FURTHER_AFTER));
            notifier.asked(q);
            return q;
        });
        sync.catchUp();
        return asked;
    }

    /** The person a question is asked of: who, by name, and whether they can still answer. */
    public record PersonCheckResult(String id, String name, boolean active) {}

    /**
     * Routes every question asked of one person that is still unanswered after {@link
     * #ROUTE_FURTHER_AFTER} to the next {@value #ROUTE_TO} experts (the asker and those already
     * asked left out), and stops answered ones waiting. A timer calls it; so can anyone, at any
     * time: a question is routed further once. Returns how many questions were routed further.
     */
    public int routeFurther() {
        var now = clock.instant();
        int routed = 0;
        for (var due : store.dueToRouteFurther(now, 100)) {
            if (due.answered()) {
                store.routeFurther(due.questionId(), List.of(), now);
                continue;
            }
            Optional<Question> found = store.find(due.questionId());
            if (found.isEmpty()) {
                store.routeFurther(due.questionId(), List.of(), now);
                continue;
            }
            Question q = found.get();
            Set<String> already = new java.util.HashSet<>();
            q.askedOf().forEach(p -> already.add(p.id()));
            List<String> next =
                    experts
                            .askAbout(
                                    q.title(), q.skills(), Optional.of(q.asker().id()), ROUTE_TO + already.size())
                            .stream()
                            .map(e -> e.person().id())
                            .filter(id -> !already.contains(id))
                            .limit(ROUTE_TO)
                            .toList();
            // empty when another server routed it since it was listed: it is not routed twice
            boolean routedHere = notifier.together(() -> store.routeFurther(q.id(), next, now)
                    .map(after -> {
                        if (!next.isEmpty()) {
                            notifier.routedFurther(after, next);
                        }
                        return true;
                    })
                    .orElse(false));
            if (routedHere && !next.isEmpty()) {
                routed++;
            }
        }
        return routed;
    }

    public Answer answer(String questionId, String rawMarkdown, String authorId) {
        String markdown = QuestionInput.markdown(rawMarkdown, "markdown", true);
        try {
            Answer answer = notifier.together(() -> {
                Answer a = store.answer(questionId, authorId, markdown, clock.instant());
                notifier.answered(a);
                return a;
            });
            sync.catchUp();
            return answer;
        } catch (NoSuchEntityException e) {
            throw new NotFoundException("no question '" + questionId + "'");
        }
    }

    /**
     * Marks an answer helpful for {@code personId}, once.
     *
     * @throws ConflictException on a second vote by the same person (409: nothing changed)
     */
    public int vote(String answerId, String personId) {
        AnswerRef ref = answerRef(answerId);
        if (ref.authorId().equals(personId)) {
            throw new InvalidInputException("you cannot vote for your own answer");
        }
        int helpful = notifier.together(() -> {
                    Optional<Integer> votes = store.vote(answerId, personId, clock.instant());
                    votes.ifPresent(v -> notifier.voted(ref, personId, ""));
                    return votes;
                })
                .orElseThrow(() -> new ConflictException(
                        "you already marked this answer helpful; one vote per person and answer"));
        sync.catchUp();
        return helpful;
    }

    /** Accepts an answer; only the person who asked the question may. Accepting again changes nothing. */
    public Question accept(String answerId, String personId) {
        AnswerRef ref = answerRef(answerId);
        if (!ref.askerId().equals(personId)) {
            throw new ForbiddenException("only the person who asked the question can accept an answer");
        }
        Question accepted = notifier.together(() -> {
            boolean already = store.find(ref.questionId())
                    .flatMap(Question::acceptedAnswerId)
                    .filter(answerId::equals)
                    .isPresent();
            Question q = store.accept(answerId, clock.instant());
            if (!already) {
                notifier.accepted(ref, personId);
            }
            return q;
        });
        sync.catchUp();
        return accepted;
    }

    /** Comments on a question or answer (by id) or an article (by slug). */
    public Comment comment(String rawKind, String targetKey, String rawMarkdown, String authorId) {
        String kind = rawKind == null ? "" : rawKind.strip().toLowerCase(Locale.ROOT);
        if (!Set.of("question", "answer", "article").contains(kind)) {
            throw new InvalidInputException(
                    "targetKind must be question, answer or article, was '" + (rawKind == null ? "" : rawKind) + "'");
        }
        if (targetKey == null || targetKey.isBlank()) {
            throw new InvalidInputException("targetId is required: the question or answer id, or the article slug");
        }
        String markdown = QuestionInput.markdown(rawMarkdown, "markdown", true);
        String key = kind.equals("article")
                ? articles.find(targetKey.strip()).article().slug()
                : targetKey.strip();
        try {
            Comment comment = notifier.together(() -> {
                Comment c = comments.comment(kind, key, authorId, markdown, clock.instant());
                notifier.commented(c);
                return c;
            });
            sync.catchUp();
            return comment;
        } catch (NoSuchEntityException e) {
            throw new NotFoundException("no " + kind + " '" + targetKey + "'");
        }
    }

    /**
     * Thanks someone for an article or an answer. For an answer the person thanked is its author; for
     * an article, {@code toId} (one of its contributors), or its largest contributor when absent.
     */
    public Kudos kudos(String rawKind, String targetKey, Optional<String> toId, String rawNote, String fromId) {
        String kind = rawKind == null ? "" : rawKind.strip().toLowerCase(Locale.ROOT);
        String note = rawNote == null ? "" : rawNote.strip();
        if (note.length() > MAX_NOTE) {
            throw new InvalidInputException("note must be at most " + MAX_NOTE + " characters, was " + note.length());
        }
        if (targetKey == null || targetKey.isBlank()) {
            throw new InvalidInputException("target is required: the article slug or the answer id");
        }
        String to;
        String key;
        switch (kind) {
            case "answer" -> {
                AnswerRef ref = answerRef(targetKey.strip());
                if (toId.isPresent() && !toId.get().equals(ref.authorId())) {
                    throw new InvalidInputException("kudos for an answer go to its author, '" + ref.authorId() + "'");
                }
                to = ref.authorId();
                key = ref.answerId();
            }
            case "article" -> {
                ArticlePage page = articles.page(targetKey.strip());
                List<String> contributors =
                        page.contributors().stream().map(Contributor::id).toList();
                to = toId.orElseGet(() -> contributors.isEmpty() ? "" : contributors.getFirst());
                if (!contributors.contains(to)) {
                    throw new InvalidInputException("'" + to + "' did not write '"
                            + page.article().title() + "'; thank one of its contributors");
                }
                key = page.article().slug();
            }
            default ->
                throw new InvalidInputException(
                        "kind must be article or answer, was '" + (rawKind == null ? "" : rawKind) + "'");
        }
        if (to.equals(fromId)) {
            throw new InvalidInputException("you cannot give kudos to yourself; thank a colleague instead");
        }
        String thanked = to;
        String thing = key;
        return notifier.together(() -> {
            Kudos k = kudos.kudos(fromId, thanked, kind, thing, note, clock.instant());
            notifier.kudos(k);
            return k;
        });
    }

    public Question get(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("no question '" + id + "'"));
    }

    public List<QuestionSummary> list(boolean unansweredOnly, int offset, int limit) {
        return store.list(unansweredOnly, offset, limit);
    }

    /** Questions routed to a person. */
    public List<QuestionSummary> askedOf(String personId, int limit) {
        return store.askedOf(personId, limit);
    }

    /** What a person taught others: accepted answers, kudos, people helped. */
    public Recognition recognition(String personId) {
        try {
            return kudos.recognition(personId, 10);
        } catch (NoSuchEntityException e) {
            throw new NotFoundException("no person '" + personId + "'");
        }
    }

    public List<Comment> articleComments(String slug) {
        return comments.articleComments(slug);
    }

    /** Articles and questions that may already answer a question with this title (and skills). */
    public List<Similar> similar(String rawTitle, List<String> skills, int limit) {
        String text = ((rawTitle == null ? "" : rawTitle) + " " + String.join(" ", skills)).strip();
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.length() > MAX_SIMILAR_TEXT) {
            text = text.substring(0, MAX_SIMILAR_TEXT);
        }
        var out = new LinkedHashMap<String, Similar>();
        List<String> types = List.of("article", "question");
        for (var d : SimilarByMeaning.fuse(
                index.topDocuments(text, types, limit), index.similarTo(text, types, limit), limit)) {
            String url = d.type().equals("question") ? "/questions/" + d.slug() : "/wiki/" + d.slug();
            out.putIfAbsent(d.id(), new Similar(d.type(), d.slug(), d.title(), url));
        }
        return List.copyOf(out.values());
    }

    /** Markdown rendered and sanitized, wiki links resolved. */
    public Rendered render(String markdown) {
        return articles.render(markdown);
    }

    /** The id of the question an answer answers. */
    public String answerQuestion(String answerId) {
        return answerRef(answerId).questionId();
    }

    private AnswerRef answerRef(String answerId) {
        return store.answer(answerId).orElseThrow(() -> new NotFoundException("no answer '" + answerId + "'"));
    }
}
