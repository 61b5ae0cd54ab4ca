package dev.lore.server.article;

import dev.lore.graph.article.Article;
import dev.lore.graph.article.Revision;
import dev.lore.server.auth.Role;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Requests;
import dev.lore.ui.view.article.DiffLine;
import dev.lore.ui.view.article.DiffView;
import dev.lore.ui.view.article.HistoryView;
import dev.lore.ui.view.article.RevisionRow;
import dev.lore.ui.view.article.RevisionView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;

/** A page's past: its history, an old revision, the diff between two, and restoring one. */
final class ArticleHistoryPages {
    private final ArticleService articles;
    private final Pages pages;
    private final Clock clock;

    ArticleHistoryPages(ArticleService articles, Pages pages, Clock clock) {
        this.articles = articles;
        this.pages = pages;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/wiki/{slug}/history", this::history);
        routes.get("/wiki/{slug}/revisions/{n}", this::revision);
        routes.post("/wiki/{slug}/revisions/{n}/restore", this::restore);
        routes.get("/wiki/{slug}/diff", this::diff);
    }

    private void history(Context ctx) {
        boolean champion = CurrentUser.atLeast(ctx, Role.CHAMPION);
        Article a = articles.find(ctx.pathParam("slug"), champion).article();
        List<RevisionRow> rows = articles.revisions(a.slug(), champion).stream()
                .map(r -> new RevisionRow(
                        r.number(),
                        r.message(),
                        r.author().id(),
                        r.author().name(),
                        Pages.ago(r.at(), clock.instant())))
                .toList();
        pages.render(
                ctx,
                "article/history.jte",
                "History of " + a.title(),
                new HistoryView(a.slug(), a.title(), a.revision(), rows));
    }

    private void revision(Context ctx) {
        Article a = articles.find(ctx.pathParam("slug")).article();
        int n = Requests.intPath(ctx, "n", 1, Integer.MAX_VALUE);
        Revision r = articles.revision(a.slug(), n);
        var view = new RevisionView(
                a.slug(),
                r.title(),
                n,
                a.revision(),
                articles.revisionHtml(a.slug(), r),
                r.author().name(),
                Pages.date(r.at()),
                r.message());
        pages.render(ctx, "article/revision.jte", r.title() + " (revision " + n + ")", view);
    }

    private void restore(Context ctx) {
        var person = CurrentUser.require(ctx, Role.CONTRIBUTOR);
        int n = Requests.intPath(ctx, "n", 1, Integer.MAX_VALUE);
        Article restored = articles.restore(ctx.pathParam("slug"), n, person.id());
        ctx.redirect("/wiki/" + restored.slug(), HttpStatus.SEE_OTHER);
    }

    private void diff(Context ctx) {
        Article a = articles.find(ctx.pathParam("slug")).article();
        int to = Requests.intQuery(ctx, "to", a.revision(), 1, Integer.MAX_VALUE);
        int from = Requests.intQuery(ctx, "from", Math.max(1, to - 1), 1, Integer.MAX_VALUE);
        LineDiff.Result diff = articles.diff(a.slug(), from, to);
        pages.render(
                ctx,
                "article/diff.jte",
                "Changes to " + a.title(),
                new DiffView(a.slug(), a.title(), from, to, lines(diff), diff.added(), diff.removed()));
    }

    static List<DiffLine> lines(LineDiff.Result diff) {
        return diff.lines().stream()
                .map(l -> new DiffLine(l.kind(), l.oldNumber(), l.newNumber(), l.text()))
                .toList();
    }
}
