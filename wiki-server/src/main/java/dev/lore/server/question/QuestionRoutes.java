package dev.lore.server.question;

import dev.lore.graph.PersonRef;
import dev.lore.graph.article.Article;
import dev.lore.graph.question.Answer;
import dev.lore.graph.question.Comment;
import dev.lore.graph.question.Kudos;
import dev.lore.graph.question.PromotionStore;
import dev.lore.graph.question.Question;
import dev.lore.graph.question.QuestionSummary;
import dev.lore.graph.question.Recognition;
import dev.lore.server.auth.Role;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON API for questions, answers, helpful votes, comments and kudos. */
public final class QuestionRoutes {
    private final QuestionService questions;
    private final PromotionService promotions;

    public QuestionRoutes(QuestionService questions, PromotionService promotions) {
        this.questions = questions;
        this.promotions = promotions;
    }

    /** Optional title and tags for the article an answer is promoted into. */
    public record PromoteRequest(String title, List<String> tags) {}

    /** A new question. */
    public record AskRequest(String title, String markdown, List<String> skills) {}

    /** An answer, or a draft to find similar content for. */
    public record MarkdownRequest(String markdown) {}

    /** Text of a question not yet posted. */
    public record SuggestRequest(String title, List<String> skills) {}

    /** A comment: {@code targetKind} question, answer or article; {@code targetId} an id or a slug. */
    public record CommentRequest(String targetKind, String targetId, String markdown) {}

    /** Thanks: {@code kind} article or answer, {@code target} its slug or id, {@code to} for articles. */
    public record KudosRequest(String kind, String target, String to, String note) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/questions", this::list);
        routes.post("/api/questions", this::ask);
        routes.get("/api/questions/similar", this::similar);
        routes.post("/api/questions/suggest", this::suggest);
        routes.get("/api/questions/{id}", ctx -> ctx.json(questionJson(questions.get(ctx.pathParam("id")))));
        routes.post("/api/questions/{id}/answers", this::answer);
        routes.post("/api/answers/{id}/votes", this::vote);
        routes.post("/api/answers/{id}/accept", this::accept);
        routes.post("/api/answers/{id}/promote", this::promote);
        routes.post("/api/comments", this::comment);
        routes.post("/api/kudos", this::kudos);
        routes.get("/api/people/{id}/asked-of-me", this::askedOf);
        routes.get("/api/people/{id}/recognition", this::recognition);
    }

    private void list(Context ctx) {
        boolean unanswered = "true".equalsIgnoreCase(ctx.queryParam("unanswered"));
        int offset = Requests.intQuery(ctx, "offset", 0, 0, 1_000_000);
        int limit = Requests.intQuery(ctx, "limit", 50, 1, 200);
        ctx.json(Map.of(
                "questions",
                questions.list(unanswered, offset, limit).stream()
                        .map(QuestionRoutes::summaryJson)
                        .toList()));
    }

    private void ask(Context ctx) {
        var asker = CurrentUser.require(ctx, Role.READER);
        AskRequest body = Requests.body(ctx, AskRequest.class);
        Question q = questions.ask(body.title(), body.markdown(), body.skills(), asker.id());
        ctx.status(201).header("Location", "/api/questions/" + q.id());
        ctx.json(questionJson(q));
    }

    private void similar(Context ctx) {
        String title = Optional.ofNullable(ctx.queryParam("title")).orElse("");
        int limit = Requests.intQuery(ctx, "limit", 5, 1, 20);
        ctx.json(Map.of("similar", questions.similar(title, ctx.queryParams("skill"), limit)));
    }

    private void suggest(Context ctx) {
        SuggestRequest body = Requests.body(ctx, SuggestRequest.class);
        List<String> skills = QuestionInput.skills(body.skills());
        ctx.json(Map.of("similar", questions.similar(body.title(), skills, 5)));
    }

    private void answer(Context ctx) {
        var author = CurrentUser.require(ctx, Role.READER);
        MarkdownRequest body = Requests.body(ctx, MarkdownRequest.class);
        Answer a = questions.answer(ctx.pathParam("id"), body.markdown(), author.id());
        ctx.status(201).header("Location", "/api/questions/" + a.questionId());
        ctx.json(answerJson(a));
    }

    private void vote(Context ctx) {
        var voter = CurrentUser.require(ctx, Role.READER);
        int helpful = questions.vote(ctx.pathParam("id"), voter.id());
        ctx.json(Map.of("answer", ctx.pathParam("id"), "helpful", helpful, "voted", true));
    }

    private void accept(Context ctx) {
        var asker = CurrentUser.require(ctx, Role.READER);
        ctx.json(questionJson(questions.accept(ctx.pathParam("id"), asker.id())));
    }

    private void promote(Context ctx) {
        var champion = CurrentUser.require(ctx, Role.CHAMPION);
        PromoteRequest body =
                ctx.body().isBlank() ? new PromoteRequest(null, null) : Requests.body(ctx, PromoteRequest.class);
        Article article = promotions.promote(
                ctx.pathParam("id"), Optional.ofNullable(body.title()), Optional.ofNullable(body.tags()), champion);
        ctx.status(201).header("Location", "/api/articles/" + article.slug());
        ctx.json(Map.of(
                "answer",
                ctx.pathParam("id"),
                "article",
                Map.of("slug", article.slug(), "title", article.title(), "url", "/wiki/" + article.slug()),
                "promotedBy",
                champion.id()));
    }

    private void comment(Context ctx) {
        var author = CurrentUser.require(ctx, Role.READER);
        CommentRequest body = Requests.body(ctx, CommentRequest.class);
        Comment c = questions.comment(body.targetKind(), body.targetId(), body.markdown(), author.id());
        ctx.status(201).json(commentJson(c));
    }

    private void kudos(Context ctx) {
        var from = CurrentUser.require(ctx, Role.READER);
        KudosRequest body = Requests.body(ctx, KudosRequest.class);
        Kudos k = questions.kudos(
                body.kind(),
                body.target(),
                Optional.ofNullable(body.to()).filter(s -> !s.isBlank()),
                body.note(),
                from.id());
        ctx.status(201).json(kudosJson(k));
    }

    private void askedOf(Context ctx) {
        String id = ctx.pathParam("id");
        questions.recognition(id); // 404 for an unknown person
        int limit = Requests.intQuery(ctx, "limit", 50, 1, 200);
        ctx.json(Map.of(
                "person",
                id,
                "questions",
                questions.askedOf(id, limit).stream()
                        .map(QuestionRoutes::summaryJson)
                        .toList()));
    }

    private void recognition(Context ctx) {
        Recognition r = questions.recognition(ctx.pathParam("id"));
        ctx.json(Map.of(
                "answersAccepted",
                r.answersAccepted(),
                "kudosReceived",
                r.kudosReceived(),
                "peopleHelped",
                r.peopleHelped(),
                "kudos",
                r.recentKudos().stream().map(QuestionRoutes::kudosJson).toList()));
    }

    private Map<String, Object> questionJson(Question q) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", q.id());
        json.put("title", q.title());
        json.put("markdown", q.markdown());
        json.put("html", questions.render(q.markdown()).html());
        json.put("skills", q.skills());
        json.put("asker", person(q.asker()));
        json.put("askedAt", q.askedAt());
        json.put("updatedAt", q.updatedAt());
        json.put("acceptedAnswer", q.acceptedAnswerId().orElse(null));
        json.put("askedOf", q.askedOf().stream().map(QuestionRoutes::person).toList());
        var promoted = new java.util.HashMap<String, Map<String, Object>>();
        for (var t : promotions.targets(q.id())) {
            promoted.putIfAbsent(t.answerId(), Map.of("slug", t.slug(), "title", t.title()));
        }
        json.put(
                "answers",
                q.answers().stream()
                        .map(a -> {
                            var aj = answerJson(a);
                            aj.put("promotedTo", promoted.get(a.id()));
                            return aj;
                        })
                        .toList());
        json.put(
                "comments",
                q.comments().stream().map(QuestionRoutes::commentJson).toList());
        return json;
    }

    private Map<String, Object> answerJson(Answer a) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", a.id());
        json.put("question", a.questionId());
        json.put("markdown", a.markdown());
        json.put("html", questions.render(a.markdown()).html());
        json.put("author", person(a.author()));
        json.put("at", a.at());
        json.put("accepted", a.accepted());
        json.put("helpful", a.helpful());
        json.put(
                "comments",
                a.comments().stream().map(QuestionRoutes::commentJson).toList());
        return json;
    }

    /** Where a promoted article came from, for its JSON. */
    public static Map<String, Object> originJson(PromotionStore.Origin o) {
        var json = new LinkedHashMap<String, Object>();
        json.put("question", o.questionId());
        json.put("questionTitle", o.questionTitle());
        json.put("answer", o.answerId());
        json.put("author", person(o.author()));
        json.put("promotedBy", person(o.by()));
        json.put("at", o.at());
        return json;
    }

    static Map<String, Object> summaryJson(QuestionSummary q) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", q.id());
        json.put("title", q.title());
        json.put("skills", q.skills());
        json.put("asker", person(q.asker()));
        json.put("askedAt", q.askedAt());
        json.put("answers", q.answers());
        json.put("accepted", q.accepted());
        return json;
    }

    private static Map<String, Object> commentJson(Comment c) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", c.id());
        json.put("targetKind", c.targetKind());
        json.put("targetId", c.targetId());
        json.put("markdown", c.markdown());
        json.put("author", person(c.author()));
        json.put("at", c.at());
        return json;
    }

    private static Map<String, Object> kudosJson(Kudos k) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", k.id());
        json.put("from", person(k.from()));
        json.put("to", person(k.to()));
        json.put("kind", k.kind());
        json.put("target", k.targetKey());
        json.put("title", k.title());
        json.put("note", k.note());
        json.put("at", k.at());
        return json;
    }

    private static Map<String, Object> person(PersonRef p) {
        return Map.of("id", p.id(), "name", p.name());
    }
}
