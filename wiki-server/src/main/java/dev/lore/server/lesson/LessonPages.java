package dev.lore.server.lesson;

import dev.lore.graph.article.Article;
import dev.lore.graph.lesson.LessonInfo;
import dev.lore.graph.person.Person;
import dev.lore.server.article.ArticleService;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.error.TooLargeException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.ui.view.lesson.LessonBannerView;
import dev.lore.ui.view.lesson.LessonFormView;
import dev.lore.ui.view.lesson.LessonRow;
import dev.lore.ui.view.lesson.ReviewView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The lesson pages: the "New lesson" editor (started from the lesson template), the champions'
 * review queue, approving, "this would have saved me time", and the banner on a lesson's page.
 */
public final class LessonPages implements dev.lore.server.article.ArticlePageParts.Lessons {
    private final LessonService lessons;
    private final ArticleService articles;
    private final Pages pages;
    private final Clock clock;
    private final Function<Person, String> template;
    private final Function<String, String> personName;

    /**
     * @param template the lesson template's Markdown, filled in for the author
     * @param personName a person's display name by id (for champions' eyes only)
     */
    public LessonPages(
            LessonService lessons,
            ArticleService articles,
            Pages pages,
            Clock clock,
            Function<Person, String> template,
            Function<String, String> personName) {
        this.lessons = lessons;
        this.articles = articles;
        this.pages = pages;
        this.clock = clock;
        this.template = template;
        this.personName = personName;
    }

    public void register(RoutesConfig routes) {
        routes.get("/lessons/new", this::newForm);
        routes.post("/lessons", this::share);
        routes.get("/lessons/review", this::review);
        routes.get("/lessons/mine", this::mine);
        routes.post("/lessons/{slug}/approve", this::approve);
        routes.post("/lessons/{slug}/saved-time", this::savedTime);
    }

    private void newForm(Context ctx) {
        Person author = CurrentUser.require(ctx, Role.CONTRIBUTOR);
        var view = new LessonFormView(
                Optional.ofNullable(ctx.queryParam("title")).orElse(""),
                template.apply(author),
                "",
                Optional.ofNullable(ctx.queryParam("skill")).orElse(""),
                Optional.ofNullable(ctx.queryParam("incident")).orElse(""),
                "attributed",
                false,
                team(author),
                Optional.empty());
        pages.render(ctx, "lesson/new.jte", "New lesson", view);
    }

    private void share(Context ctx) {
        Person author = CurrentUser.require(ctx, Role.CONTRIBUTOR);
        String title = param(ctx, "title");
        String markdown = param(ctx, "markdown").replace("\r\n", "\n");
        String sharing = param(ctx, "sharing");
        boolean review = !param(ctx, "review").isBlank();
        try {
            LessonInfo lesson = lessons.share(
                    new LessonInput(
                            Optional.of(title),
                            markdown,
                            Optional.of(split(param(ctx, "tags"))),
                            Optional.of(split(param(ctx, "skills"))),
                            LessonApi.sharing(sharing),
                            review,
                            Optional.of(param(ctx, "incident"))),
                    author);
            ctx.redirect("/wiki/" + lesson.slug(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException | TooLargeException e) {
            ctx.status(e instanceof TooLargeException ? 413 : 400);
            pages.render(
                    ctx,
                    "lesson/new.jte",
                    "New lesson",
                    new LessonFormView(
                            title,
                            markdown,
                            param(ctx, "tags"),
                            param(ctx, "skills"),
                            param(ctx, "incident"),
                            sharing.equals("team") ? "team" : "attributed",
                            review,
                            team(author),
                            Optional.of(e.getMessage())));
        }
    }

    private void review(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        List<LessonRow> rows = lessons.pending().stream()
                .map(l -> new LessonRow(
                        l.slug(),
                        l.title(),
                        l.teamShared() ? "shared by " + LessonJson.creditName(l) : "attributed",
                        personName.apply(l.authorId()),
                        Pages.ago(l.sharedAt(), clock.instant()),
                        l.savedTime()))
                .toList();
        pages.render(ctx, "lesson/review.jte", "Lessons to review", new ReviewView(rows));
    }

    private void mine(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        List<LessonRow> rows = lessons.sharedBy(me.id()).stream()
                .map(l -> new LessonRow(
                        l.slug(),
                        l.title(),
                        (l.teamShared() ? "shared as " + LessonJson.creditName(l) : "attributed to you")
                                + (l.pending() ? ", waiting for review" : ""),
                        me.name(),
                        Pages.ago(l.sharedAt(), clock.instant()),
                        l.savedTime()))
                .toList();
        pages.render(ctx, "lesson/mine.jte", "Lessons you shared", new dev.lore.ui.view.lesson.MyLessonsView(rows));
    }

    private void approve(Context ctx) {
        Person champion = CurrentUser.require(ctx, Role.CHAMPION);
        LessonInfo lesson = lessons.approve(ctx.pathParam("slug"), champion);
        ctx.redirect("/wiki/" + lesson.slug(), HttpStatus.SEE_OTHER);
    }

    private void savedTime(Context ctx) {
        Person reader = CurrentUser.require(ctx, Role.READER);
        boolean on = !param(ctx, "on").strip().equals("0");
        lessons.savedTime(ctx.pathParam("slug"), reader, on);
        ctx.redirect("/wiki/" + ctx.pathParam("slug"), HttpStatus.SEE_OTHER);
    }

    /**
     * The banner on a lesson's page, for {@code reader}; empty for an article. The real author is
     * named only to the author themselves, champions and admins.
     */
    @Override
    public Optional<LessonBannerView> banner(Article article, Optional<Person> reader) {
        if (!article.isLesson()) {
            return Optional.empty();
        }
        Optional<LessonInfo> shared = lessons.find(article.slug());
        boolean champion = reader.map(
                        p -> dev.lore.server.auth.AuthService.roleOf(p).atLeast(Role.CHAMPION))
                .orElse(false);
        boolean isAuthor = reader.isPresent()
                && shared.map(l -> l.authorId().equals(reader.get().id())).orElse(false);
        var saved = lessons.savedTime(article.id(), reader);
        Optional<String> incident = shared.flatMap(LessonInfo::incident);
        Optional<String> note = shared.filter(LessonInfo::teamShared).flatMap(l -> {
            if (isAuthor) {
                return Optional.of("You wrote this; readers see it as shared by " + LessonJson.creditName(l) + ".");
            }
            if (champion) {
                return Optional.of("Written by " + personName.apply(l.authorId()) + " (shown to champions only).");
            }
            return Optional.empty();
        });
        return Optional.of(new LessonBannerView(
                article.slug(),
                shared.filter(LessonInfo::teamShared).map(LessonJson::creditName),
                incident,
                incident.flatMap(this::title),
                shared.map(LessonInfo::pending).orElse(false),
                champion,
                saved.count(),
                saved.mine(),
                reader.isPresent() && !isAuthor,
                note));
    }

    /** Whether {@code reader} may see the page at {@code slug} while it waits for review. */
    @Override
    public boolean mayPreview(String slug, Optional<Person> reader) {
        return lessons.authorOf(slug, reader);
    }

    private Optional<String> title(String slug) {
        try {
            return Optional.of(articles.find(slug).article().title());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> team(Person author) {
        return Optional.ofNullable(author.team()).map(String::strip).filter(t -> !t.isEmpty());
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }

    private static List<String> split(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
