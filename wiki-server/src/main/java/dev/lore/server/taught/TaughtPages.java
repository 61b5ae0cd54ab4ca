package dev.lore.server.taught;

import dev.lore.graph.taught.LearnedFrom;
import dev.lore.graph.taught.Target;
import dev.lore.server.auth.Role;
import dev.lore.server.error.ConflictException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.ui.view.taught.LearnedFromView;
import dev.lore.ui.view.taught.LearnedView;
import dev.lore.ui.view.taught.TaughtMeView;
import dev.lore.ui.view.taught.TaughtNoteView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Optional;

/**
 * The "this taught me something" forms on pages and answers (plain posts that redirect back, no
 * JavaScript needed), the block each shows, and "What people learned from ..." on a profile.
 */
public final class TaughtPages {
    private final TaughtService taught;
    private final Clock clock;

    public TaughtPages(TaughtService taught, Clock clock) {
        this.taught = taught;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/wiki/{slug}/taught", ctx -> mark(ctx, Target.article(ctx.pathParam("slug"))));
        routes.post("/wiki/{slug}/taught/revoke", ctx -> unmark(ctx, Target.article(ctx.pathParam("slug"))));
        routes.post("/answers/{id}/taught", ctx -> mark(ctx, Target.answer(ctx.pathParam("id"))));
        routes.post("/answers/{id}/taught/revoke", ctx -> unmark(ctx, Target.answer(ctx.pathParam("id"))));
    }

    private void mark(Context ctx, Target target) {
        var person = CurrentUser.require(ctx, Role.READER);
        try {
            taught.mark(target, person.id(), ctx.formParam("note"));
        } catch (ConflictException e) {
            // a second click from a page that still showed the form: the mark stands, show it
        }
        back(ctx, target);
    }

    private void unmark(Context ctx, Target target) {
        var person = CurrentUser.require(ctx, Role.READER);
        taught.unmark(target, person.id());
        back(ctx, target);
    }

    private void back(Context ctx, Target target) {
        String url = taught.url(target);
        ctx.redirect(target.kind() == Target.Kind.ARTICLE ? url + "#taught" : url, HttpStatus.SEE_OTHER);
    }

    /** The block shown under a page. */
    public Optional<TaughtMeView> article(dev.lore.graph.article.Article article, Optional<String> readerId) {
        return block(Target.article(article.slug()), readerId);
    }

    /** The block shown on an answer. */
    public Optional<TaughtMeView> answer(String answerId, Optional<String> readerId) {
        return block(Target.answer(answerId), readerId);
    }

    /** The block shown under a page ({@code slug}) or an answer ({@code id}). */
    public Optional<TaughtMeView> block(Target target, Optional<String> readerId) {
        TaughtSummary s = taught.summary(target, readerId);
        String action = switch (target.kind()) {
            case ARTICLE -> "/wiki/" + dev.lore.ui.Urls.encode(target.key()) + "/taught";
            case ANSWER -> "/answers/" + dev.lore.ui.Urls.encode(target.key()) + "/taught";
        };
        var notes = s.notes().stream()
                .map(n -> new TaughtNoteView(
                        n.by().id(), n.by().name(), n.note(), Pages.ago(n.at(), clock.instant()), n.at().toString()))
                .toList();
        return Optional.of(
                new TaughtMeView(target.kind().id(), target.key(), action, s.count(), notes, s.marked(), s.canMark()));
    }

    /** "What people learned from ..." for a person's page. */
    public LearnedFromView learnedFrom(String personId) {
        LearnedFrom l = taught.learnedFrom(personId);
        return new LearnedFromView(
                l.marks(),
                l.people(),
                l.notes().stream()
                        .map(n -> new LearnedView(
                                n.by().id(),
                                n.by().name(),
                                n.kind().id(),
                                n.title(),
                                n.url(),
                                n.note().orElse(""),
                                Pages.ago(n.at(), clock.instant())))
                        .toList());
    }
}
