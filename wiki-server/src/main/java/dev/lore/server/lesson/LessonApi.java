package dev.lore.server.lesson;

import dev.lore.graph.lesson.LessonInfo;
import dev.lore.graph.lesson.Sharing;
import dev.lore.graph.person.Person;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON API for lessons learned: share, read, review, and "this would have saved me time". */
public final class LessonApi {
    private final LessonService lessons;

    public LessonApi(LessonService lessons) {
        this.lessons = lessons;
    }

    /** A lesson to share; {@code sharing} is {@code attributed} (the default) or {@code team}. */
    public record ShareRequest(
            String title,
            String markdown,
            List<String> tags,
            List<String> skills,
            String sharing,
            Boolean review,
            String incident) {}

    public void register(RoutesConfig routes) {
        routes.post("/api/lessons", this::share);
        routes.get("/api/lessons", this::about);
        routes.get("/api/lessons/review", this::pending);
        routes.get("/api/lessons/mine", this::mine);
        routes.get("/api/lessons/{slug}", this::get);
        routes.post("/api/lessons/{slug}/approve", this::approve);
        routes.put("/api/lessons/{slug}/saved-time", ctx -> savedTime(ctx, true));
        routes.delete("/api/lessons/{slug}/saved-time", ctx -> savedTime(ctx, false));
    }

    private void share(Context ctx) {
        Person author = CurrentUser.require(ctx, Role.CONTRIBUTOR);
        ShareRequest body = Requests.body(ctx, ShareRequest.class);
        LessonInfo lesson = lessons.share(
                new LessonInput(
                        Optional.ofNullable(body.title()),
                        body.markdown(),
                        Optional.ofNullable(body.tags()),
                        Optional.ofNullable(body.skills()),
                        sharing(body.sharing()),
                        Boolean.TRUE.equals(body.review()),
                        Optional.ofNullable(body.incident())),
                author);
        ctx.status(201).header("Location", "/api/lessons/" + lesson.slug());
        ctx.json(LessonJson.of(lesson, true, 0, false));
    }

    static Sharing sharing(String raw) {
        if (raw == null || raw.isBlank()) {
            return Sharing.ATTRIBUTED;
        }
        return Sharing.of(raw.strip())
                .orElseThrow(() -> new InvalidInputException("sharing must be attributed or team, was '" + raw + "'"));
    }

    private void get(Context ctx) {
        Optional<Person> viewer = CurrentUser.of(ctx);
        LessonInfo lesson = visible(ctx, ctx.pathParam("slug"));
        var saved = lessons.savedTime(lesson.articleId(), viewer);
        ctx.json(LessonJson.of(lesson, mayKnowAuthor(ctx, lesson), saved.count(), saved.mine()));
    }

    /** Published lessons about {@code skill}. */
    private void about(Context ctx) {
        String skill =
                Optional.ofNullable(ctx.queryParam("skill")).map(String::strip).orElse("");
        if (skill.isEmpty()) {
            throw new InvalidInputException("skill is required: lessons about which skill?");
        }
        int limit = Requests.intQuery(ctx, "limit", 20, 1, 100);
        ctx.json(Map.of(
                "skill",
                skill,
                "lessons",
                lessons.about(skill, limit).stream()
                        .map(l -> Map.of("slug", l.slug(), "title", l.title(), "savedTime", l.savedTime()))
                        .toList()));
    }

    private void pending(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        ctx.json(Map.of(
                "lessons",
                lessons.pending().stream()
                        .map(l -> LessonJson.of(l, true, 0, false))
                        .toList()));
    }

    private void mine(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        ctx.json(Map.of(
                "lessons",
                lessons.sharedBy(me.id()).stream()
                        .map(l -> LessonJson.of(l, true, l.savedTime(), false))
                        .toList()));
    }

    private void approve(Context ctx) {
        Person champion = CurrentUser.require(ctx, Role.CHAMPION);
        ctx.json(LessonJson.of(lessons.approve(ctx.pathParam("slug"), champion), true, 0, false));
    }

    private void savedTime(Context ctx, boolean on) {
        Person reader = CurrentUser.require(ctx, Role.READER);
        long count = lessons.savedTime(ctx.pathParam("slug"), reader, on);
        ctx.json(Map.of("count", count, "mine", on));
    }

    /** The lesson, if this viewer may see it: pending ones only for their author and champions. */
    private LessonInfo visible(Context ctx, String slug) {
        LessonInfo lesson = lessons.find(slug).orElseThrow(() -> new NotFoundException("no lesson at '" + slug + "'"));
        if (lesson.pending() && !mayKnowAuthor(ctx, lesson)) {
            throw new NotFoundException("no lesson at '" + slug + "'");
        }
        return lesson;
    }

    static boolean mayKnowAuthor(Context ctx, LessonInfo lesson) {
        return CurrentUser.atLeast(ctx, Role.CHAMPION)
                || CurrentUser.of(ctx)
                        .map(p -> p.id().equals(lesson.authorId()))
                        .orElse(false);
    }
}
