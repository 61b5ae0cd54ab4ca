package dev.lore.server.question;

import dev.lore.graph.person.Person;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.TooLargeException;
import dev.lore.server.person.PersonService;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.ui.Urls;
import dev.lore.ui.view.expertise.AskPersonView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * "Ask Ana" in the browser: a form for a question routed to one person first, and the post that
 * asks it. A plain form; no JavaScript needed.
 */
public final class AskPersonPages {
    private final QuestionService questions;
    private final PersonService people;
    private final Pages pages;

    public AskPersonPages(QuestionService questions, PersonService people, Pages pages) {
        this.questions = questions;
        this.people = people;
        this.pages = pages;
    }

    public void register(RoutesConfig routes) {
        routes.get("/people/{id}/ask", this::form);
        routes.post("/people/{id}/ask", this::ask);
    }

    private void form(Context ctx) {
        CurrentUser.require(ctx, Role.READER);
        Person person = people.get(ctx.pathParam("id"));
        String title = Optional.ofNullable(ctx.queryParam("title")).orElse("");
        render(
                ctx,
                person,
                title,
                "",
                Optional.ofNullable(ctx.queryParam("skills")).orElse(""),
                Optional.empty());
    }

    private void ask(Context ctx) {
        Person asker = CurrentUser.require(ctx, Role.READER);
        Person person = people.get(ctx.pathParam("id"));
        String title = Optional.ofNullable(ctx.formParam("title")).orElse("");
        String markdown = Optional.ofNullable(ctx.formParam("markdown")).orElse("");
        String skillsText = Optional.ofNullable(ctx.formParam("skills")).orElse("");
        List<String> skills = Arrays.stream(skillsText.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        try {
            var q = questions.askPerson(
                    title,
                    markdown,
                    skills,
                    asker.id(),
                    new QuestionService.PersonCheckResult(person.id(), person.name(), person.active()));
            ctx.redirect("/questions/" + Urls.encode(q.id()), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException | TooLargeException e) {
            // nothing typed is lost: the form comes back with the text and the reason
            ctx.status(e instanceof TooLargeException ? 413 : 400);
            render(ctx, person, title, markdown, skillsText, Optional.of(e.getMessage()));
        }
    }

    private void render(
            Context ctx, Person person, String title, String markdown, String skills, Optional<String> error) {
        pages.render(
                ctx,
                "expertise/ask.jte",
                "Ask " + person.name(),
                new AskPersonView(
                        person.id(),
                        person.name(),
                        title,
                        markdown,
                        skills,
                        QuestionService.ROUTE_FURTHER_AFTER.toHours(),
                        error));
    }
}
