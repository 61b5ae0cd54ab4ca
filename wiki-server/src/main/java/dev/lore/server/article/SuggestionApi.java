package dev.lore.server.article;

import dev.lore.graph.article.Article;
import dev.lore.graph.article.SuggestionStore.Suggestion;
import dev.lore.graph.person.Person;
import dev.lore.server.auth.Role;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Suggested edits as JSON: make one, read them, accept or decline. All need a signed-in person. */
public final class SuggestionApi {
    private final Suggestions suggestions;

    public SuggestionApi(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    /** Accepting, optionally with the decider's changes to the suggested text. */
    public record AcceptRequest(String markdown) {}

    /** Declining, with a note to the proposer. */
    public record DeclineRequest(String note) {}

    public void register(RoutesConfig routes) {
        routes.post("/api/articles/{slug}/suggestions", this::create);
        routes.get("/api/articles/{slug}/suggestions", this::forPage);
        routes.get("/api/suggestions", this::mine);
        routes.get("/api/suggestions/{id}", this::get);
        routes.post("/api/suggestions/{id}/accept", this::accept);
        routes.post("/api/suggestions/{id}/decline", this::decline);
    }

    private void create(Context ctx) {
        Person person = CurrentUser.require(ctx, Role.READER);
        Suggestions.Input body = Requests.body(ctx, Suggestions.Input.class);
        Suggestion s = suggestions.suggest(ctx.pathParam("slug"), person, body);
        ctx.status(201).header("Location", "/api/suggestions/" + s.id());
        ctx.json(json(s, true));
    }

    private void forPage(Context ctx) {
        CurrentUser.require(ctx, Role.READER);
        ctx.json(Map.of(
                "suggestions",
                suggestions.forPage(ctx.pathParam("slug")).stream()
                        .map(s -> json(s, false))
                        .toList()));
    }

    private void mine(Context ctx) {
        Person person = CurrentUser.require(ctx, Role.READER);
        ctx.json(Map.of(
                "mine",
                        suggestions.byPerson(person.id()).stream()
                                .map(s -> json(s, false))
                                .toList(),
                "waiting",
                        suggestions.waitingFor(person).stream()
                                .map(s -> json(s, false))
                                .toList()));
    }

    private void get(Context ctx) {
        CurrentUser.require(ctx, Role.READER);
        Suggestion s = suggestions.find(ctx.pathParam("id"));
        var json = json(s, true);
        LineDiff.Result diff = suggestions.diff(s);
        json.put("diff", Map.of("added", diff.added(), "removed", diff.removed(), "lines", diff.lines()));
        ctx.json(json);
    }

    private void accept(Context ctx) {
        Person person = CurrentUser.require(ctx, Role.READER);
        Optional<String> edited = ctx.body().isBlank()
                ? Optional.empty()
                : Optional.ofNullable(Requests.body(ctx, AcceptRequest.class).markdown());
        Article a = suggestions.accept(ctx.pathParam("id"), person, edited);
        var json = json(suggestions.find(ctx.pathParam("id")), false);
        json.put("article", Map.of("slug", a.slug(), "revision", a.revision()));
        ctx.json(json);
    }

    private void decline(Context ctx) {
        Person person = CurrentUser.require(ctx, Role.READER);
        DeclineRequest body = Requests.body(ctx, DeclineRequest.class);
        suggestions.decline(ctx.pathParam("id"), person, body.note());
        ctx.json(json(suggestions.find(ctx.pathParam("id")), false));
    }

    private static Map<String, Object> json(Suggestion s, boolean withText) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", s.id());
        json.put("article", s.articleSlug());
        json.put("articleTitle", s.articleTitle());
        json.put("title", s.title());
        if (withText) {
            json.put("markdown", s.markdown());
        }
        json.put("message", s.message());
        json.put("baseRevision", s.baseRevision());
        json.put("by", Map.of("id", s.by().id(), "name", s.by().name()));
        json.put("at", s.at());
        json.put("status", s.status().id());
        json.put(
                "decidedBy",
                s.decidedBy().map(p -> Map.of("id", p.id(), "name", p.name())).orElse(null));
        json.put("decidedAt", s.decidedAt().orElse(null));
        json.put("note", s.note());
        json.put("revision", s.revision().orElse(null));
        return json;
    }
}
