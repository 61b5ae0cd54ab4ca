package dev.lore.server.learning;

import dev.lore.graph.learning.FeaturedCollection;
import dev.lore.graph.learning.LearningPath;
import dev.lore.graph.learning.PathStep;
import dev.lore.graph.learning.StepProgress;
import dev.lore.graph.person.Person;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.ui.Urls;
import dev.lore.ui.view.common.LinkView;
import dev.lore.ui.view.common.PersonLinkView;
import dev.lore.ui.view.learning.CollectionView;
import dev.lore.ui.view.learning.OnboardingView;
import dev.lore.ui.view.learning.OpenStepView;
import dev.lore.ui.view.learning.PathFormView;
import dev.lore.ui.view.learning.PathListView;
import dev.lore.ui.view.learning.PathRowView;
import dev.lore.ui.view.learning.PathStepView;
import dev.lore.ui.view.learning.PathView;
import dev.lore.ui.view.learning.ReflectionView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learning paths in the browser: the list, a path with a form per step (done, reflection, share),
 * and the champions' form that builds or edits one, with one step per line (a page's title or
 * address, or {@code question: id}, then optionally {@code | prompt}) and a picker that finds
 * pages for steps ({@link StepPicker}). Everything works without JavaScript: forms post and redirect back. Also the path and
 * collection parts of the home and skill pages ({@link #onboarding}, {@link #homeCollections},
 * {@link #skillCollections}).
 */
public final class PathPages {
    private static final Logger LOG = LoggerFactory.getLogger(PathPages.class);

    private final PathService paths;
    private final CollectionService collections;
    private final Pages pages;
    private final Clock clock;

    public PathPages(PathService paths, CollectionService collections, Pages pages, Clock clock) {
        this.paths = paths;
        this.collections = collections;
        this.pages = pages;
        this.clock = clock;
        this.candidates = new StepCandidates(paths, Optional.empty());
    }

    /** Shared reflections as plain text until {@link #withMarkdown} gives the renderer. */
    private java.util.function.UnaryOperator<String> markdown =
            text -> "<p>" + org.jsoup.nodes.Entities.escape(text) + "</p>";

    /** Titles only until {@link #withCandidates} gives the search index. */
    private StepCandidates candidates;

    /** Offers the pages the search index finds as candidates for a path step. */
    public PathPages withCandidates(StepCandidates candidates) {
        this.candidates = candidates;
        return this;
    }

    /** Renders shared reflections as Markdown (sanitized, with mentions linking to profiles). */
    public PathPages withMarkdown(java.util.function.UnaryOperator<String> toHtml) {
        this.markdown = toHtml;
        return this;
    }

    public void register(RoutesConfig routes) {
        routes.get("/paths", this::list);
        routes.get("/paths/new", this::newForm);
        routes.post("/paths", this::create);
        routes.get("/paths/{id}", this::view);
        routes.get("/paths/{id}/edit", this::editForm);
        routes.post("/paths/{id}/edit", this::edit);
        routes.post("/paths/{id}/steps/{n}", this::step);
        new PathSteps(paths, pages).register(routes);
    }

    private void list(Context ctx) {
        Optional<Person> viewer = CurrentUser.of(ctx);
        var rows = paths.list(viewer).stream()
                .map(s -> new PathRowView(
                        s.id(),
                        s.title(),
                        s.description(),
                        s.level(),
                        s.skill().orElse(""),
                        s.steps(),
                        s.done(),
                        PathRoutes.percent(s.done(), s.steps()),
                        s.following()))
                .toList();
        pages.render(
                ctx,
                "learning/paths.jte",
                "Learning paths",
                new PathListView(
                        rows,
                        viewer.isPresent(),
                        viewer.map(PathService::mayBuild).orElse(false)));
    }

    private void view(Context ctx) {
        Optional<Person> viewer = CurrentUser.of(ctx);
        LearningPath path = paths.view(ctx.pathParam("id"), viewer);
        Map<Integer, StepProgress> mine = viewer.map(p -> paths.progress(path.id(), p)).orElse(List.of()).stream()
                .collect(Collectors.toMap(StepProgress::n, Function.identity()));
        var now = clock.instant();
        var steps = path.steps().stream()
                .map(s -> stepView(s, Optional.ofNullable(mine.get(s.n())), now))
                .toList();
        int total = path.steps().size();
        pages.render(
                ctx,
                "learning/path.jte",
                path.title(),
                new PathView(
                        path.id(),
                        path.title(),
                        path.description(),
                        path.level(),
                        path.skill().orElse(""),
                        new PersonLinkView(
                                path.createdBy().id(), path.createdBy().name()),
                        steps,
                        viewer.isPresent(),
                        mine.size(),
                        total,
                        PathRoutes.percent(mine.size(), total),
                        viewer.map(PathService::mayBuild).orElse(false),
                        viewer.map(p -> paths.following(path.id(), p)).orElse(false)));
    }

    private PathStepView stepView(PathStep s, Optional<StepProgress> mine, java.time.Instant now) {
        return new PathStepView(
                s.n(),
                s.kind(),
                s.title(),
                PathRoutes.url(s).orElse(""),
                s.available(),
                s.hidden(),
                s.prompt().orElse(""),
                mine.isPresent(),
                mine.flatMap(StepProgress::reflection).orElse(""),
                mine.map(StepProgress::shared).orElse(false),
                s.shared().stream()
                        .map(r -> new ReflectionView(
                                r.by().id(), r.by().name(), r.text(), markdown.apply(r.text()), Pages.ago(r.at(), now)))
                        .toList());
    }

    private void step(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        String id = ctx.pathParam("id");
        int n = dev.lore.server.web.Requests.intPath(ctx, "n", 1, PathService.MAX_STEPS);
        boolean done = "true".equals(ctx.formParam("done"));
        paths.mark(
                id,
                n,
                me,
                done,
                Optional.of(Optional.ofNullable(ctx.formParam("reflection")).orElse("")),
                Optional.of("true".equals(ctx.formParam("shared"))));
        ctx.redirect("/paths/" + Urls.encode(id) + "#step-" + n, HttpStatus.SEE_OTHER);
    }

    /**
     * The not-yet-done steps on the reader's followed paths that point at this article, for its page;
     * empty for anonymous readers or if the lookup fails (logged: the page still shows).
     */
    public List<OpenStepView> openSteps(dev.lore.graph.article.Article article, Optional<Person> reader) {
        if (reader.isEmpty()) {
            return List.of();
        }
        try {
            return paths.openSteps(article.id(), reader.get()).stream()
                    .map(s -> new OpenStepView(s.pathId(), s.pathTitle(), s.n(), s.steps()))
                    .toList();
        } catch (RuntimeException e) {
            LOG.warn("Open path steps for {} failed: {}", article.slug(), e.toString());
            return List.of();
        }
    }

    private void newForm(Context ctx) {
        requireBuilder(ctx);
        pages.render(
                ctx,
                "learning/pathform.jte",
                "Build a learning path",
                new PathFormView("Build a learning path", "/paths", "", "", "newcomer", "", "", Optional.empty()));
    }

    private void editForm(Context ctx) {
        requireBuilder(ctx);
        LearningPath path = paths.get(ctx.pathParam("id"));
        // articles by title (read back by title); questions by id
        String steps = path.steps().stream()
                .map(s -> (s.kind().equals("article") && s.available() && StepLines.plain(s.title())
                                ? s.title()
                                : s.kind() + ": " + s.ref())
                        + s.prompt().map(p -> " | " + p).orElse(""))
                .collect(Collectors.joining("\n"));
        pages.render(
                ctx,
                "learning/pathform.jte",
                "Edit " + path.title(),
                new PathFormView(
                        "Edit learning path",
                        "/paths/" + Urls.encode(path.id()) + "/edit",
                        path.title(),
                        path.description(),
                        path.level(),
                        path.skill().orElse(""),
                        steps,
                        Optional.empty()));
    }

    private void create(Context ctx) {
        Person me = requireBuilder(ctx);
        save(ctx, "Build a learning path", "/paths", request -> paths.create(request, me));
    }

    private void edit(Context ctx) {
        Person me = requireBuilder(ctx);
        String id = ctx.pathParam("id");
        paths.get(id);
        save(
                ctx,
                "Edit learning path",
                "/paths/" + Urls.encode(id) + "/edit",
                request -> paths.update(id, request, me));
    }

    /** Saves the form; a refused form comes back with everything typed and the reason. */
    private void save(
            Context ctx, String heading, String action, Function<PathService.PathRequest, LearningPath> save) {
        String title = form(ctx, "title");
        String description = form(ctx, "description");
        String level = form(ctx, "level");
        String skill = form(ctx, "skill");
        String steps = form(ctx, "steps");
        var typed = new StepPicker.Typed(heading, action, title, description, level, skill, steps, form(ctx, "find"));
        var picker = new StepPicker(paths, candidates);
        Optional<PathFormView> picking = picker.answer(ctx, typed);
        if (picking.isPresent()) {
            pages.render(ctx, "learning/pathform.jte", heading, picking.get());
            return;
        }
        var parsed = StepLines.parse(steps);
        try {
            LearningPath path = save.apply(
                    new PathService.PathRequest(title, description, level, skill, paths.withTitlesResolved(parsed)));
            ctx.redirect("/paths/" + Urls.encode(path.id()), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(400);
            pages.render(ctx, "learning/pathform.jte", heading, picker.refused(typed, parsed, e.getMessage()));
        }
    }

    private static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }

    private static Person requireBuilder(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.CHAMPION);
        return me;
    }

    /**
     * The home page's onboarding path for {@code person}, with their progress; empty for nobody,
     * when there is no newcomer path, or (logged) when it cannot be looked up.
     */
    public Optional<OnboardingView> onboarding(Optional<Person> person) {
        if (person.isEmpty()) {
            return Optional.empty();
        }
        try {
            return paths.onboarding(person.get()).map(summary -> {
                LearningPath path = paths.view(summary.id(), person);
                var done = paths.progress(path.id(), person.get()).stream()
                        .map(StepProgress::n)
                        .collect(Collectors.toSet());
                Optional<PathStep> next =
                        path.steps().stream().filter(s -> !done.contains(s.n())).findFirst();
                int total = path.steps().size();
                return new OnboardingView(
                        path.id(),
                        path.title(),
                        done.size(),
                        total,
                        PathRoutes.percent(done.size(), total),
                        next.map(s -> s.ref().isEmpty() ? "A hidden " + s.kind() : s.title())
                                .orElse(""),
                        next.map(s -> "/paths/" + Urls.encode(path.id()) + "#step-" + s.n())
                                .orElse(""));
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not look up the onboarding path: {}", e.toString());
            return Optional.empty();
        }
    }

    /**
     * The featured collections on the home page, those about the viewer's skills and team first;
     * empty (and logged) if they cannot be looked up.
     */
    public List<CollectionView> homeCollections(Optional<Person> viewer) {
        return views(() -> collections.forHome(viewer));
    }

    /** The featured collections about {@code skill}, for its page. */
    public List<CollectionView> skillCollections(String skill) {
        return views(() -> collections.forSkill(skill));
    }

    static List<CollectionView> views(java.util.function.Supplier<List<FeaturedCollection>> find) {
        try {
            return find.get().stream()
                    .filter(c -> !c.articles().isEmpty())
                    .map(c -> new CollectionView(
                            c.id(),
                            c.title(),
                            c.description(),
                            c.skill().orElse(""),
                            c.onHome(),
                            c.articles().stream()
                                    .map(a -> new LinkView(a.slug(), a.title()))
                                    .toList()))
                    .toList();
        } catch (RuntimeException e) {
            LOG.warn("Could not look up featured collections: {}", e.toString());
            return List.of();
        }
    }
}
