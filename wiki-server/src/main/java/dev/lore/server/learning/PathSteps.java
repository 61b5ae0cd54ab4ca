package dev.lore.server.learning;

import dev.lore.graph.learning.LearningPath;
import dev.lore.graph.learning.PathStep;
import dev.lore.graph.learning.StepProgress;
import dev.lore.graph.person.Person;
import dev.lore.server.auth.Role;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.LocalPaths;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Requests;
import dev.lore.ui.Urls;
import dev.lore.ui.view.learning.StepDoneView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A learner's moves on a path in the browser, outside the path's own page: "Follow" (and stop
 * following) and the article page's "mark this step done", which answers with a confirmation that
 * offers the next step. Plain forms, no JavaScript.
 */
final class PathSteps {
    private final PathService paths;
    private final Pages pages;

    PathSteps(PathService paths, Pages pages) {
        this.paths = paths;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.post("/paths/{id}/follow", this::follow);
        routes.post("/paths/{id}/steps/{n}/done", this::markDone);
        routes.get("/paths/{id}/steps/{n}/done", this::confirmation);
    }

    /** {@code following=false} stops following; anything else follows. */
    private void follow(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        String id = ctx.pathParam("id");
        paths.follow(id, me, !"false".equals(ctx.formParam("following")));
        ctx.redirect("/paths/" + Urls.encode(id), HttpStatus.SEE_OTHER);
    }

    /** Done, reflection and sharing kept; then the confirmation, which links back to {@code back}. */
    private void markDone(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        String id = ctx.pathParam("id");
        int n = Requests.intPath(ctx, "n", 1, PathService.MAX_STEPS);
        paths.mark(id, n, me, true, Optional.empty(), Optional.empty());
        String back = LocalPaths.localOr(ctx.formParam("back"), "/paths/" + Urls.encode(id));
        ctx.redirect(
                "/paths/" + Urls.encode(id) + "/steps/" + n + "/done?back=" + Urls.encode(back), HttpStatus.SEE_OTHER);
    }

    private void confirmation(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        String id = ctx.pathParam("id");
        int n = Requests.intPath(ctx, "n", 1, PathService.MAX_STEPS);
        LearningPath path = paths.view(id, Optional.of(me));
        Set<Integer> done = paths.progress(id, me).stream().map(StepProgress::n).collect(Collectors.toSet());
        // the next step is the first not done after this one, else the first not done before it
        Optional<PathStep> next = path.steps().stream()
                .filter(s -> !done.contains(s.n()))
                .min(Comparator.comparing((PathStep s) -> s.n() < n).thenComparing(PathStep::n));
        String back = LocalPaths.localOr(ctx.queryParam("back"), "/paths/" + Urls.encode(id));
        pages.render(
                ctx,
                "learning/stepdone.jte",
                "Step " + n + " done",
                new StepDoneView(
                        path.id(),
                        path.title(),
                        n,
                        done.size(),
                        path.steps().size(),
                        next.map(s -> new StepDoneView.NextStep(
                                s.n(),
                                s.ref().isEmpty() ? "A hidden " + s.kind() : s.title(),
                                PathRoutes.url(s).orElse("/paths/" + Urls.encode(id) + "#step-" + s.n()))),
                        back));
    }
}
