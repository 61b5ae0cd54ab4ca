package dev.lore.server.article;

import dev.lore.graph.article.Article;
import dev.lore.graph.article.SuggestionStore.Status;
import dev.lore.graph.article.SuggestionStore.Suggestion;
import dev.lore.graph.person.Person;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.TooLargeException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.ui.view.article.DiffLine;
import dev.lore.ui.view.article.SuggestFormView;
import dev.lore.ui.view.article.SuggestionItem;
import dev.lore.ui.view.article.SuggestionView;
import dev.lore.ui.view.article.SuggestionsView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Optional;

/** Suggesting an edit to a page, one suggestion with its diff and decision, and the list of them. */
public final class SuggestionPages {
    private final Suggestions suggestions;
    private final ArticleService articles;
    private final Pages pages;
    private final Clock clock;

    public SuggestionPages(Suggestions suggestions, ArticleService articles, Pages pages, Clock clock) {
        this.suggestions = suggestions;
        this.articles = articles;
        this.pages = pages;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/wiki/{slug}/suggest", this::form);
        routes.post("/wiki/{slug}/suggestions", this::suggest);
        routes.get("/suggestions", this::list);
        routes.get("/suggestions/{id}", this::show);
        routes.post("/suggestions/{id}/accept", this::accept);
        routes.post("/suggestions/{id}/decline", this::decline);
    }

    private void form(Context ctx) {
        CurrentUser.require(ctx, Role.READER);
        Article a = articles.find(ctx.pathParam("slug")).article();
        var view = new SuggestFormView(
                a.slug(),
                a.title(),
                a.title(),
                EditorText.of(a.markdown(), a.title()),
                "",
                a.revision(),
                Optional.empty());
        pages.render(ctx, "article/suggest.jte", "Suggest an edit to " + a.title(), view);
    }

    private void suggest(Context ctx) {
        Person person = CurrentUser.require(ctx, Role.READER);
        Article a = articles.find(ctx.pathParam("slug")).article();
        String markdown = param(ctx, "markdown").replace("\r\n", "\n");
        String title = param(ctx, "title");
        String message = param(ctx, "message");
        Integer base = parseBase(param(ctx, "baseRevision"));
        try {
            Suggestion s = suggestions.suggest(a.slug(), person, new Suggestions.Input(title, markdown, message, base));
            ctx.redirect("/suggestions/" + s.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException | TooLargeException e) {
            ctx.status(e instanceof TooLargeException ? 413 : 400);
            var view = new SuggestFormView(
                    a.slug(),
                    a.title(),
                    title,
                    markdown,
                    message,
                    base == null ? a.revision() : base,
                    Optional.of(e.getMessage()));
            pages.render(ctx, "article/suggest.jte", "Suggest an edit to " + a.title(), view);
        }
    }

    private void list(Context ctx) {
        Person person = CurrentUser.require(ctx, Role.READER);
        var view = new SuggestionsView(
                suggestions.waitingFor(person).stream().map(this::item).toList(),
                suggestions.byPerson(person.id()).stream().map(this::item).toList());
        pages.render(ctx, "article/suggestions.jte", "Suggested edits", view);
    }

    private void show(Context ctx) {
        Optional<Person> reader = Optional.of(CurrentUser.require(ctx, Role.READER));
        Suggestion s = suggestions.find(ctx.pathParam("id"));
        boolean open = s.status() == Status.OPEN;
        boolean stale = open && articles.find(s.articleSlug()).article().revision() != s.baseRevision();
        var view = new SuggestionView(
                s.id(),
                s.articleSlug(),
                s.articleTitle(),
                s.title(),
                s.markdown(),
                s.message(),
                s.by().id(),
                s.by().name(),
                Pages.ago(s.at(), clock.instant()),
                s.status().id(),
                s.decidedBy().map(p -> p.name()),
                s.note(),
                s.revision(),
                s.baseRevision(),
                suggestions.diff(s).lines().stream()
                        .map(l -> new DiffLine(l.kind(), l.oldNumber(), l.newNumber(), l.text()))
                        .toList(),
                open && Suggestions.canDecide(reader, s),
                stale);
        pages.render(ctx, "article/suggestion.jte", "Suggested edit to " + s.articleTitle(), view);
    }

    private void accept(Context ctx) {
        Person person = CurrentUser.require(ctx, Role.READER);
        Optional<String> edited = Optional.ofNullable(ctx.formParam("markdown"));
        Article a = suggestions.accept(ctx.pathParam("id"), person, edited);
        ctx.redirect("/wiki/" + a.slug(), HttpStatus.SEE_OTHER);
    }

    private void decline(Context ctx) {
        Person person = CurrentUser.require(ctx, Role.READER);
        String id = ctx.pathParam("id");
        suggestions.decline(id, person, param(ctx, "note"));
        ctx.redirect("/suggestions/" + id, HttpStatus.SEE_OTHER);
    }

    private SuggestionItem item(Suggestion s) {
        return new SuggestionItem(
                s.id(),
                s.articleSlug(),
                s.articleTitle(),
                s.by().name(),
                Pages.ago(s.at(), clock.instant()),
                s.status().id());
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }

    private static Integer parseBase(String raw) {
        if (raw.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("baseRevision must be a number, was '" + raw + "'");
        }
    }
}
