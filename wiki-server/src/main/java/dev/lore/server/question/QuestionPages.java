package dev.lore.server.question;

import dev.lore.graph.article.Article;
import dev.lore.graph.article.Contributor;
import dev.lore.graph.question.Answer;
import dev.lore.graph.question.Comment;
import dev.lore.graph.question.PromotionStore;
import dev.lore.graph.question.Question;
import dev.lore.graph.question.QuestionSummary;
import dev.lore.graph.question.Recognition;
import dev.lore.server.auth.Role;
import dev.lore.server.error.ConflictException;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.TooLargeException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.ui.Urls;
import dev.lore.ui.view.common.LinkView;
import dev.lore.ui.view.common.PersonLinkView;
import dev.lore.ui.view.question.AnswerView;
import dev.lore.ui.view.question.AskView;
import dev.lore.ui.view.question.CommentView;
import dev.lore.ui.view.question.FeedbackView;
import dev.lore.ui.view.question.KudosView;
import dev.lore.ui.view.question.OriginView;
import dev.lore.ui.view.question.QuestionListView;
import dev.lore.ui.view.question.QuestionRowView;
import dev.lore.ui.view.question.QuestionView;
import dev.lore.ui.view.question.SimilarView;
import dev.lore.ui.view.question.TaughtView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Question pages (list, ask with similar content first, a question with its answers) and the form
 * posts behind their buttons, which work without JavaScript and redirect back. Also the question
 * parts of person and article pages ({@link #taught}, {@link #feedback}).
 */
public final class QuestionPages {
    private final QuestionService questions;
    private final PromotionService promotions;
    private final Pages pages;
    private final Clock clock;

    public QuestionPages(QuestionService questions, PromotionService promotions, Pages pages, Clock clock) {
        this.questions = questions;
        this.promotions = promotions;
        this.pages = pages;
        this.clock = clock;
    }

    /** The "this taught me something" block of an answer for its reader (see the taught package). */
    @FunctionalInterface
    public interface TaughtMe {
        Optional<dev.lore.ui.view.taught.TaughtMeView> of(String answerId, Optional<String> readerId);
    }

    private TaughtMe taughtMe = (answer, reader) -> Optional.empty();

    /** Shows the "this taught me something" block, with its notes, on each answer. */
    public QuestionPages withTaughtMe(TaughtMe taughtMe) {
        this.taughtMe = taughtMe;
        return this;
    }

    public void register(RoutesConfig routes) {
        routes.get("/questions", this::list);
        routes.get("/questions/new", this::askForm);
        routes.post("/questions", this::ask);
        routes.get("/questions/{id}", this::view);
        routes.post("/questions/{id}/answers", this::answer);
        routes.post("/answers/{id}/votes", this::vote);
        routes.post("/answers/{id}/accept", this::accept);
        routes.post("/answers/{id}/promote", this::promote);
        routes.post("/comments", this::comment);
        routes.post("/kudos", this::kudos);
    }

    private void list(Context ctx) {
        boolean unanswered = "true".equalsIgnoreCase(ctx.queryParam("unanswered"));
        var rows = questions.list(unanswered, 0, 100).stream().map(this::row).toList();
        pages.render(ctx, "question/questions.jte", "Questions", new QuestionListView(rows, unanswered));
    }

    private void askForm(Context ctx) {
        CurrentUser.require(ctx, Role.READER);
        String title = Optional.ofNullable(ctx.queryParam("title")).orElse("");
        pages.render(
                ctx,
                "question/ask.jte",
                "Ask a question",
                new AskView(title, "", "", List.of(), false, Optional.empty()));
    }

    private void ask(Context ctx) {
        var asker = CurrentUser.require(ctx, Role.READER);
        String title = Optional.ofNullable(ctx.formParam("title")).orElse("");
        String markdown = Optional.ofNullable(ctx.formParam("markdown")).orElse("");
        String skillsText = Optional.ofNullable(ctx.formParam("skills")).orElse("");
        List<String> skills = Arrays.stream(skillsText.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        if ("similar".equals(ctx.formParam("action"))) {
            var similar = similar(title, skills);
            pages.render(
                    ctx,
                    "question/ask.jte",
                    "Ask a question",
                    new AskView(title, markdown, skillsText, similar, true, Optional.empty()));
            return;
        }
        try {
            Question q = questions.ask(title, markdown, skills, asker.id());
            ctx.redirect("/questions/" + Urls.encode(q.id()), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException | TooLargeException e) {
            // nothing typed is lost: the form comes back with the text and the reason
            ctx.status(e instanceof TooLargeException ? 413 : 400);
            pages.render(
                    ctx,
                    "question/ask.jte",
                    "Ask a question",
                    new AskView(
                            title, markdown, skillsText, similar(title, skills), true, Optional.of(e.getMessage())));
        }
    }

    private List<SimilarView> similar(String title, List<String> skills) {
        if (title.length() > QuestionService.MAX_TITLE) {
            return List.of();
        }
        return questions.similar(title, skills, 5).stream()
                .map(s -> new SimilarView(s.type(), s.title(), s.url()))
                .toList();
    }

    private void view(Context ctx) {
        Question q = questions.get(ctx.pathParam("id"));
        Optional<String> viewer = CurrentUser.of(ctx).map(p -> p.id());
        boolean asker = viewer.map(v -> v.equals(q.asker().id())).orElse(false);
        boolean champion = CurrentUser.atLeast(ctx, Role.CHAMPION);
        var promoted = new java.util.HashMap<String, LinkView>();
        promotions.targets(q.id()).forEach(t -> promoted.putIfAbsent(t.answerId(), new LinkView(t.slug(), t.title())));
        var answers = q.answers().stream()
                .map(a -> answerView(a, viewer, asker, champion, Optional.ofNullable(promoted.get(a.id()))))
                .toList();
        var view = new QuestionView(
                q.id(),
                q.title(),
                questions.render(q.markdown()).html(),
                q.skills(),
                q.asker().id(),
                q.asker().name(),
                Pages.ago(q.askedAt(), clock.instant()),
                q.askedAt().toString(),
                q.askedOf().stream()
                        .map(p -> new PersonLinkView(p.id(), p.name()))
                        .toList(),
                answers,
                comments(q.comments()),
                viewer.isPresent());
        pages.render(ctx, "question/question.jte", q.title(), view);
    }

    private AnswerView answerView(
            Answer a, Optional<String> viewer, boolean viewerAsked, boolean champion, Optional<LinkView> promotedTo) {
        boolean mine = viewer.map(v -> v.equals(a.author().id())).orElse(false);
        boolean voted = viewer.map(v -> a.voterIds().contains(v)).orElse(false);
        return new AnswerView(
                a.id(),
                questions.render(a.markdown()).html(),
                a.author().id(),
                a.author().name(),
                Pages.ago(a.at(), clock.instant()),
                a.helpful(),
                a.accepted(),
                viewer.isPresent() && !mine && !voted,
                voted,
                viewerAsked && !a.accepted(),
                viewer.isPresent() && !mine,
                comments(a.comments()),
                champion && a.accepted() && promotedTo.isEmpty(),
                promotedTo,
                taughtMe.of(a.id(), viewer));
    }

    private List<CommentView> comments(List<Comment> comments) {
        return comments.stream()
                .map(c -> new CommentView(
                        c.author().id(),
                        c.author().name(),
                        questions.render(c.markdown()).html(),
                        Pages.ago(c.at(), clock.instant())))
                .toList();
    }

    private void answer(Context ctx) {
        var author = CurrentUser.require(ctx, Role.READER);
        Answer a = questions.answer(ctx.pathParam("id"), ctx.formParam("markdown"), author.id());
        ctx.redirect(questionUrl(a.questionId()) + "#answer-" + a.id(), HttpStatus.SEE_OTHER);
    }

    private void vote(Context ctx) {
        var voter = CurrentUser.require(ctx, Role.READER);
        String answerId = ctx.pathParam("id");
        try {
            questions.vote(answerId, voter.id());
        } catch (ConflictException e) {
            // a second click from a page that still showed the button: the vote stands, show it
        }
        ctx.redirect(questionUrl(questionOf(ctx)) + "#answer-" + answerId, HttpStatus.SEE_OTHER);
    }

    private void accept(Context ctx) {
        var asker = CurrentUser.require(ctx, Role.READER);
        Question q = questions.accept(ctx.pathParam("id"), asker.id());
        ctx.redirect(questionUrl(q.id()) + "#answer-" + ctx.pathParam("id"), HttpStatus.SEE_OTHER);
    }

    private void promote(Context ctx) {
        var champion = CurrentUser.require(ctx, Role.CHAMPION);
        // the champion may retitle: a question's wording rarely makes a good page title
        Optional<String> title =
                Optional.ofNullable(ctx.formParam("title")).map(String::strip).filter(t -> !t.isEmpty());
        Article article = promotions.promote(ctx.pathParam("id"), title, Optional.empty(), champion);
        ctx.redirect("/wiki/" + Urls.encode(article.slug()), HttpStatus.SEE_OTHER);
    }

    private void comment(Context ctx) {
        var author = CurrentUser.require(ctx, Role.READER);
        String kind = Optional.ofNullable(ctx.formParam("targetKind")).orElse("");
        String target = Optional.ofNullable(ctx.formParam("targetId")).orElse("");
        questions.comment(kind, target, ctx.formParam("markdown"), author.id());
        ctx.redirect(back(ctx, kind, target) + "#comments", HttpStatus.SEE_OTHER);
    }

    private void kudos(Context ctx) {
        var from = CurrentUser.require(ctx, Role.READER);
        String kind = Optional.ofNullable(ctx.formParam("kind")).orElse("");
        String target = Optional.ofNullable(ctx.formParam("target")).orElse("");
        questions.kudos(
                kind,
                target,
                Optional.ofNullable(ctx.formParam("to")).filter(s -> !s.isBlank()),
                ctx.formParam("note"),
                from.id());
        // the confirmation is the notice at the top (every page has it), not an anchor the page may lack
        ctx.redirect(dev.lore.server.web.Notices.url(back(ctx, kind, target), "kudos"), HttpStatus.SEE_OTHER);
    }

    /** The page a form on an article, question or answer came from. */
    private String back(Context ctx, String kind, String target) {
        return switch (kind) {
            case "article" -> "/wiki/" + Urls.encode(target);
            case "answer" -> questionUrl(questions.answerQuestion(target));
            default -> questionUrl(target);
        };
    }

    private String questionOf(Context ctx) {
        return questions.answerQuestion(ctx.pathParam("id"));
    }

    private static String questionUrl(String id) {
        return "/questions/" + Urls.encode(id);
    }

    private QuestionRowView row(QuestionSummary q) {
        return row(q, clock.instant());
    }

    /** A question as a line in a list (the questions page, the home page). */
    public static QuestionRowView row(QuestionSummary q, java.time.Instant now) {
        return new QuestionRowView(
                q.id(),
                q.title(),
                q.skills(),
                q.asker().name(),
                Pages.ago(q.askedAt(), now),
                q.answers(),
                q.accepted());
    }

    /** The "from a question answered by ..." line of a promoted article. */
    public static OriginView originView(PromotionStore.Origin o) {
        return new OriginView(
                o.questionId(), o.questionTitle(), o.author().id(), o.author().name(), o.by().name());
    }

    /** What a person taught others and the questions routed to them, for their page. */
    public TaughtView taught(String personId) {
        Recognition r = questions.recognition(personId);
        var kudos = r.recentKudos().stream()
                .map(k -> new KudosView(
                        k.from().id(),
                        k.from().name(),
                        k.title(),
                        k.kind().equals("article") ? "/wiki/" + Urls.encode(k.targetKey()) : questionUrl(k.targetKey()),
                        k.note(),
                        Pages.ago(k.at(), clock.instant())))
                .toList();
        var askedOf = questions.askedOf(personId, 20).stream().map(this::row).toList();
        return new TaughtView(r.answersAccepted(), r.kudosReceived(), r.peopleHelped(), kudos, askedOf);
    }

    /** An article's comments and the contributors its reader can thank. */
    public FeedbackView feedback(Article article, List<Contributor> contributors, Optional<String> readerId) {
        var thankable = readerId.isEmpty()
                ? List.<PersonLinkView>of()
                : contributors.stream()
                        .filter(c -> !c.id().equals(readerId.get()))
                        .map(c -> new PersonLinkView(c.id(), c.name()))
                        .toList();
        return new FeedbackView(comments(questions.articleComments(article.slug())), thankable, readerId.isPresent());
    }
}
