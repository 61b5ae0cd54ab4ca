package dev.lore.server.taught;

import dev.lore.graph.taught.LearnedFrom;
import dev.lore.graph.taught.Target;
import dev.lore.server.auth.Role;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON API of "this taught me something": GET the marks on an article or answer, POST one
 * (optionally with {@code {"note": "..."}}), DELETE to take it back; and what people learned from a
 * person.
 */
public final class TaughtRoutes {
    private final TaughtService taught;

    public TaughtRoutes(TaughtService taught) {
        this.taught = taught;
    }

    /** An optional line of what was learned. */
    public record MarkRequest(String note) {}

    public void register(RoutesConfig routes) {
        on(routes, "/api/articles/{slug}/taught", ctx -> Target.article(ctx.pathParam("slug")));
        on(routes, "/api/answers/{id}/taught", ctx -> Target.answer(ctx.pathParam("id")));
        routes.get(
                "/api/people/{id}/learned-from", ctx -> ctx.json(learnedJson(taught.learnedFrom(ctx.pathParam("id")))));
    }

    private void on(RoutesConfig routes, String path, Function<Context, Target> target) {
        routes.get(
                path,
                ctx -> ctx.json(summaryJson(
                        taught.summary(target.apply(ctx), CurrentUser.of(ctx).map(p -> p.id())))));
        routes.post(path, ctx -> {
            var person = CurrentUser.require(ctx, Role.READER);
            String note = ctx.body().isBlank()
                    ? null
                    : Requests.body(ctx, MarkRequest.class).note();
            ctx.status(201).json(summaryJson(taught.mark(target.apply(ctx), person.id(), note)));
        });
        routes.delete(path, ctx -> {
            var person = CurrentUser.require(ctx, Role.READER);
            ctx.json(summaryJson(taught.unmark(target.apply(ctx), person.id())));
        });
    }

    static Map<String, Object> summaryJson(TaughtSummary s) {
        var json = new LinkedHashMap<String, Object>();
        json.put("kind", s.target().kind().id());
        json.put("target", s.target().key());
        json.put("count", s.count());
        json.put("marked", s.marked());
        json.put("canMark", s.canMark());
        json.put(
                "notes",
                s.notes().stream()
                        .map(n -> {
                            var m = new LinkedHashMap<String, Object>();
                            m.put("by", Map.of("id", n.by().id(), "name", n.by().name()));
                            m.put("note", n.note().orElse(null));
                            m.put("at", n.at().toString());
                            return m;
                        })
                        .toList());
        return json;
    }

    static Map<String, Object> learnedJson(LearnedFrom l) {
        return Map.of(
                "marks",
                l.marks(),
                "people",
                l.people(),
                "notes",
                l.notes().stream()
                        .map(n -> Map.of(
                                "by", Map.of("id", n.by().id(), "name", n.by().name()),
                                "kind", n.kind().id(),
                                "title", n.title(),
                                "url", n.url(),
                                "note", n.note().orElse(""),
                                "at", n.at().toString()))
                        .toList());
    }
}
