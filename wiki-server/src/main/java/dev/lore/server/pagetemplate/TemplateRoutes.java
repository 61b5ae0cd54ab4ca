package dev.lore.server.pagetemplate;

import dev.lore.graph.person.Person;
import dev.lore.server.auth.Role;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Requests;
import dev.lore.ui.view.pagetemplate.TemplatesView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Page templates: the /templates page (champions edit) and its JSON API. */
public final class TemplateRoutes {
    private final PageTemplates templates;
    private final Pages pages;

    public TemplateRoutes(PageTemplates templates, Pages pages) {
        this.templates = templates;
        this.pages = pages;
    }

    /** A champion's new version of a template. */
    public record SaveRequest(String markdown) {}

    public void register(RoutesConfig routes) {
        routes.get("/templates", this::page);
        routes.post("/templates/{name}", this::saveForm);
        routes.post("/templates/{name}/reset", this::resetForm);
        routes.get(
                "/api/templates",
                ctx -> ctx.json(Map.of(
                        "templates",
                        templates.list().stream().map(TemplateRoutes::json).toList())));
        routes.get("/api/templates/{name}", ctx -> ctx.json(json(templates.get(ctx.pathParam("name")))));
        routes.put("/api/templates/{name}", this::save);
        routes.delete("/api/templates/{name}", this::reset);
    }

    private void page(Context ctx) {
        CurrentUser.require(ctx, Role.READER);
        var items = templates.list().stream()
                .map(t -> new TemplatesView.Item(t.name(), t.label(), t.markdown(), startUrl(t.name()), t.edited()))
                .toList();
        pages.render(
                ctx,
                "pagetemplate/templates.jte",
                "Page templates",
                new TemplatesView(items, CurrentUser.atLeast(ctx, Role.CHAMPION)));
    }

    private void saveForm(Context ctx) {
        Person champion = CurrentUser.require(ctx, Role.CHAMPION);
        templates.save(
                ctx.pathParam("name"),
                Optional.ofNullable(ctx.formParam("markdown")).orElse(""),
                champion.id());
        ctx.redirect("/templates#template-" + ctx.pathParam("name"), HttpStatus.SEE_OTHER);
    }

    private void resetForm(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        templates.reset(ctx.pathParam("name"));
        ctx.redirect("/templates#template-" + ctx.pathParam("name"), HttpStatus.SEE_OTHER);
    }

    private void save(Context ctx) {
        Person champion = CurrentUser.require(ctx, Role.CHAMPION);
        SaveRequest body = Requests.body(ctx, SaveRequest.class);
        ctx.json(json(templates.save(ctx.pathParam("name"), body.markdown(), champion.id())));
    }

    private void reset(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        ctx.json(json(templates.reset(ctx.pathParam("name"))));
    }

    static String startUrl(String name) {
        return name.equals("lesson") ? "/lessons/new" : "/new?template=" + name;
    }

    private static Map<String, Object> json(PageTemplates.Template t) {
        var json = new LinkedHashMap<String, Object>();
        json.put("name", t.name());
        json.put("label", t.label());
        json.put("markdown", t.markdown());
        json.put("edited", t.edited());
        json.put("start", startUrl(t.name()));
        return json;
    }
}
