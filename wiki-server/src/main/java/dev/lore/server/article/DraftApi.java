package dev.lore.server.article;

import dev.lore.graph.article.DraftStore.Draft;
import dev.lore.graph.article.DraftStore.Target;
import dev.lore.server.auth.Role;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signed-in person's own editor drafts as JSON: {@code /api/drafts/new} for a page not created
 * yet, {@code /api/drafts/pages/{slug}} for an existing one. The editor's script saves here as
 * people type.
 */
public final class DraftApi {
    private final Drafts drafts;

    public DraftApi(Drafts drafts) {
        this.drafts = drafts;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/drafts/new", ctx -> get(ctx, Target.NEW_PAGE));
        routes.put("/api/drafts/new", ctx -> put(ctx, Target.NEW_PAGE));
        routes.delete("/api/drafts/new", ctx -> delete(ctx, Target.NEW_PAGE));
        routes.get("/api/drafts/pages/{slug}", ctx -> get(ctx, page(ctx)));
        routes.put("/api/drafts/pages/{slug}", ctx -> put(ctx, page(ctx)));
        routes.delete("/api/drafts/pages/{slug}", ctx -> delete(ctx, page(ctx)));
    }

    private static Target page(Context ctx) {
        return Target.page(ctx.pathParam("slug"));
    }

    private void get(Context ctx, Target target) {
        var person = CurrentUser.require(ctx, Role.READER);
        Draft draft = drafts.find(person.id(), target)
                .orElseThrow(() -> new NotFoundException("you have no draft of this page"));
        ctx.json(json(draft));
    }

    private void put(Context ctx, Target target) {
        var person = CurrentUser.require(ctx, Role.READER);
        Drafts.Input input = Requests.body(ctx, Drafts.Input.class);
        ctx.json(json(drafts.save(person.id(), target, input)));
    }

    private void delete(Context ctx, Target target) {
        var person = CurrentUser.require(ctx, Role.READER);
        drafts.discard(person.id(), target);
        ctx.status(204);
    }

    private static Map<String, Object> json(Draft d) {
        var json = new LinkedHashMap<String, Object>();
        json.put("title", d.title());
        json.put("markdown", d.markdown());
        json.put("tags", d.tags());
        json.put("skills", d.skills());
        json.put("baseRevision", d.baseRevision());
        json.put("savedAt", d.savedAt());
        return json;
    }
}
