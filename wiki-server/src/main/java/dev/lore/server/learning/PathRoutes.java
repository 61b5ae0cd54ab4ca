package dev.lore.server.learning;

import dev.lore.graph.learning.FeaturedCollection;
import dev.lore.graph.learning.LearningPath;
import dev.lore.graph.learning.PathStep;
import dev.lore.graph.learning.PathSummary;
import dev.lore.graph.learning.StepProgress;
import dev.lore.graph.person.Person;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Requests;
import dev.lore.ui.Urls;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The JSON API for learning paths ({@code /api/paths}, progress under {@code
 * /api/paths/{id}/progress}) and featured collections ({@code /api/collections}).
 */
public final class PathRoutes {
    private final PathService paths;
    private final CollectionService collections;

    public PathRoutes(PathService paths, CollectionService collections) {
        this.paths = paths;
        this.collections = collections;
    }

    /** Progress on one step: done or not, with an optional reflection and whether to share it. */
    public record ProgressRequest(Integer step, Boolean done, String reflection, Boolean shared) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/paths", this::list);
        routes.post("/api/paths", this::create);
        routes.get("/api/paths/{id}", this::get);
        routes.put("/api/paths/{id}", this::update);
        routes.get("/api/paths/{id}/progress", this::progress);
        routes.post("/api/paths/{id}/progress", this::mark);
        routes.put("/api/paths/{id}/follow", ctx -> follow(ctx, true));
        routes.delete("/api/paths/{id}/follow", ctx -> follow(ctx, false));
        routes.get("/api/collections", this::collections);
        routes.post("/api/collections", this::createCollection);
        routes.get("/api/collections/{id}", ctx -> ctx.json(collectionJson(collections.get(ctx.pathParam("id")))));
        routes.put("/api/collections/{id}", this::updateCollection);
        routes.delete("/api/collections/{id}", ctx -> {
            collections.delete(ctx.pathParam("id"), CurrentUser.require(ctx, Role.READER));
            ctx.status(204);
        });
    }

    private void list(Context ctx) {
        Optional<Person> viewer = CurrentUser.of(ctx);
        ctx.json(Map.of(
                "paths",
                paths.list(viewer).stream()
                        .map(s -> summaryJson(s, viewer.isPresent()))
                        .toList()));
    }

    private void create(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        var body = Requests.body(ctx, PathService.PathRequest.class);
        LearningPath path = paths.create(body, me);
        ctx.status(201).header("Location", "/api/paths/" + path.id());
        ctx.json(pathJson(path, Optional.of(me), List.of()));
    }

    private void get(Context ctx) {
        Optional<Person> viewer = CurrentUser.of(ctx);
        LearningPath path = paths.view(ctx.pathParam("id"), viewer);
        List<StepProgress> mine = viewer.map(p -> paths.progress(path.id(), p)).orElse(List.of());
        ctx.json(pathJson(path, viewer, mine));
    }

    private void update(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        var body = Requests.body(ctx, PathService.PathRequest.class);
        LearningPath path = paths.update(ctx.pathParam("id"), body, me);
        ctx.json(pathJson(path, Optional.of(me), paths.progress(path.id(), me)));
    }

    private void follow(Context ctx, boolean follow) {
        Person me = CurrentUser.require(ctx, Role.READER);
        String id = ctx.pathParam("id");
        paths.follow(id, me, follow);
        ctx.json(Map.of("path", id, "following", paths.following(id, me)));
    }

    private void progress(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        LearningPath path = paths.get(ctx.pathParam("id"));
        ctx.json(progressJson(path, paths.progress(path.id(), me)));
    }

    private void mark(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        ProgressRequest body = Requests.body(ctx, ProgressRequest.class);
        if (body.step() == null) {
            throw new InvalidInputException("step is required (a step number, from 1)");
        }
        if (body.done() == null) {
            throw new InvalidInputException("done is required (true or false)");
        }
        String id = ctx.pathParam("id");
        List<StepProgress> mine = paths.mark(
                id,
                body.step(),
                me,
                body.done(),
                Optional.ofNullable(body.reflection()),
                Optional.ofNullable(body.shared()));
        ctx.json(progressJson(paths.get(id), mine));
    }

    private void collections(Context ctx) {
        String skill = ctx.queryParam("skill");
        List<FeaturedCollection> found = skill != null
                ? collections.forSkill(skill)
                : "true".equals(ctx.queryParam("home")) ? collections.onHome() : collections.all();
        ctx.json(Map.of(
                "collections", found.stream().map(PathRoutes::collectionJson).toList()));
    }

    private void createCollection(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        var c = collections.create(Requests.body(ctx, CollectionService.CollectionRequest.class), me);
        ctx.status(201).header("Location", "/api/collections/" + c.id());
        ctx.json(collectionJson(c));
    }

    private void updateCollection(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        ctx.json(collectionJson(collections.update(
                ctx.pathParam("id"), Requests.body(ctx, CollectionService.CollectionRequest.class), me)));
    }

    static int percent(int done, int total) {
        return total == 0 ? 0 : Math.round(100f * done / total);
    }

    private static Map<String, Object> summaryJson(PathSummary s, boolean signedIn) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", s.id());
        json.put("title", s.title());
        json.put("description", s.description());
        json.put("level", s.level());
        json.put("skill", s.skill().orElse(null));
        json.put("steps", s.steps());
        json.put("createdAt", s.createdAt());
        json.put(
                "progress",
                signedIn
                        ? Map.of(
                                "done", s.done(),
                                "total", s.steps(),
                                "percent", percent(s.done(), s.steps()),
                                "following", s.following())
                        : null);
        return json;
    }

    /** A path; {@code mine} (the viewer's own progress) adds done, reflection and shared per step. */
    private static Map<String, Object> pathJson(LearningPath path, Optional<Person> viewer, List<StepProgress> mine) {
        Map<Integer, StepProgress> byStep =
                mine.stream().collect(Collectors.toMap(StepProgress::n, Function.identity()));
        var json = new LinkedHashMap<String, Object>();
        json.put("id", path.id());
        json.put("title", path.title());
        json.put("description", path.description());
        json.put("level", path.level());
        json.put("skill", path.skill().orElse(null));
        json.put(
                "createdBy",
                Map.of("id", path.createdBy().id(), "name", path.createdBy().name()));
        json.put("createdAt", path.createdAt());
        json.put("updatedAt", path.updatedAt());
        json.put(
                "steps",
                path.steps().stream()
                        .map(s -> stepJson(s, viewer.isPresent(), Optional.ofNullable(byStep.get(s.n()))))
                        .toList());
        json.put(
                "progress",
                viewer.isPresent()
                        ? Map.of(
                                "done", mine.size(),
                                "total", path.steps().size(),
                                "percent", percent(mine.size(), path.steps().size()))
                        : null);
        return json;
    }

    private static Map<String, Object> stepJson(PathStep s, boolean signedIn, Optional<StepProgress> mine) {
        var json = new LinkedHashMap<String, Object>();
        json.put("n", s.n());
        json.put("kind", s.kind());
        // a hidden step seen by someone who may not see it: its place, not what it points at
        boolean withoutTarget = s.ref().isEmpty();
        json.put("ref", withoutTarget ? null : s.ref());
        json.put("title", withoutTarget ? null : s.title());
        json.put("url", url(s).orElse(null));
        json.put("available", s.available());
        json.put("hidden", s.hidden());
        json.put("prompt", s.prompt().orElse(null));
        json.put(
                "sharedReflections",
                s.shared().stream()
                        .map(r -> Map.of(
                                "person", Map.of("id", r.by().id(), "name", r.by().name()),
                                "reflection", r.text(),
                                "at", r.at()))
                        .toList());
        if (signedIn) {
            json.put("done", mine.isPresent());
            json.put("reflection", mine.flatMap(StepProgress::reflection).orElse(null));
            json.put("shared", mine.map(StepProgress::shared).orElse(false));
        }
        return json;
    }

    /** Where a step leads; empty for a step whose target is left out ({@link PathStep#withoutTarget}). */
    static Optional<String> url(PathStep s) {
        if (s.ref().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                s.kind().equals("article") ? "/wiki/" + Urls.encode(s.ref()) : "/questions/" + Urls.encode(s.ref()));
    }

    private static Map<String, Object> progressJson(LearningPath path, List<StepProgress> mine) {
        var json = new LinkedHashMap<String, Object>();
        json.put("path", path.id());
        json.put("done", mine.size());
        json.put("total", path.steps().size());
        json.put("percent", percent(mine.size(), path.steps().size()));
        json.put(
                "steps",
                mine.stream()
                        .map(p -> {
                            var step = new LinkedHashMap<String, Object>();
                            step.put("step", p.n());
                            step.put("at", p.at());
                            step.put("reflection", p.reflection().orElse(null));
                            step.put("shared", p.shared());
                            return step;
                        })
                        .toList());
        return json;
    }

    static Map<String, Object> collectionJson(FeaturedCollection c) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", c.id());
        json.put("title", c.title());
        json.put("description", c.description());
        json.put("skill", c.skill().orElse(null));
        json.put("onHome", c.onHome());
        json.put(
                "articles",
                c.articles().stream()
                        .map(a -> Map.of("slug", a.slug(), "title", a.title()))
                        .toList());
        json.put("updatedAt", c.updatedAt());
        return json;
    }
}
