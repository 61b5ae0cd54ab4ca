package dev.lore.server.curation;

import dev.lore.graph.curation.PageRequestStore;
import dev.lore.graph.person.Person;
import dev.lore.server.auth.Role;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Requests;
import dev.lore.ui.view.curation.RequestedView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Map;

/**
 * "Request a page" from a search that found nothing: {@code POST /search/request} (form, {@code q})
 * and {@code POST /api/curation/requests} ({@code {query}}). Anyone signed in may ask; the request
 * lands on the gaps page with who asked. The form's answer is a page that confirms it and offers to
 * ask the words as a question meanwhile.
 */
public final class PageRequestRoutes {
    static final int MAX_QUERY = 200;

    private final PageRequestStore store;
    private final Pages pages;
    private final Clock clock;

    public PageRequestRoutes(PageRequestStore store, Pages pages, Clock clock) {
        this.store = store;
        this.pages = pages;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/search/request", this::requestForm);
        routes.get("/search/requested", this::requested);
        routes.post("/api/curation/requests", this::requestApi);
    }

    record RequestBody(String query) {}

    private String record(Person me, String raw) {
        String query = Requests.requiredText(raw, "query", MAX_QUERY);
        store.request(query, me.id(), clock.instant());
        return query;
    }

    private void requestForm(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        String query = record(me, ctx.formParam("q"));
        ctx.redirect("/search/requested?q=" + dev.lore.ui.Urls.encode(query), HttpStatus.SEE_OTHER);
    }

    private void requested(Context ctx) {
        CurrentUser.require(ctx, Role.READER);
        String query = Requests.requiredText(ctx.queryParam("q"), "q", MAX_QUERY);
        pages.render(ctx, "curation/requested.jte", "Page requested", new RequestedView(query));
    }

    private void requestApi(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        String query = record(me, Requests.body(ctx, RequestBody.class).query());
        ctx.status(HttpStatus.CREATED).json(Map.of("query", query));
    }
}
