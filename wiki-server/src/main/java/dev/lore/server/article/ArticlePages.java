package dev.lore.server.article;

import dev.lore.graph.article.Article;
import dev.lore.graph.article.ArticleSummary;
import dev.lore.graph.article.Contributor;
import dev.lore.graph.article.DraftStore;
import dev.lore.graph.article.Revision;
import dev.lore.graph.article.StaleRevisionException;
import dev.lore.graph.person.Person;
import dev.lore.server.article.ArticlePageParts.AskAnExpert;
import dev.lore.server.article.ArticlePageParts.Feedback;
import dev.lore.server.article.ArticlePageParts.Lessons;
import dev.lore.server.article.ArticlePageParts.Moderation;
import dev.lore.server.article.ArticlePageParts.OpenSteps;
import dev.lore.server.article.ArticlePageParts.Origin;
import dev.lore.server.article.ArticlePageParts.Place;
import dev.lore.server.article.ArticlePageParts.Related;
import dev.lore.server.article.ArticlePageParts.TaughtMe;
import dev.lore.server.article.ArticlePageParts.Templates;
import dev.lore.server.article.ArticlePageParts.Verification;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.TooLargeException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.ui.view.article.ArticleItem;
import dev.lore.ui.view.article.ArticleView;
import dev.lore.ui.view.article.ConflictView;
import dev.lore.ui.view.article.ContributorView;
import dev.lore.ui.view.article.DiffLine;
import dev.lore.ui.view.article.EditView;
import dev.lore.ui.view.article.HeadingView;
import dev.lore.ui.view.common.LinkView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Article pages: view, edit (with conflict merge), create and delete; history, old revisions,
 * diff and restore are {@link ArticleHistoryPages}. A failed save re-shows the editor with the person's text intact: nothing typed is
 * ever lost.
 */
public final class ArticlePages {
    private final ArticleService articles;
    private final Pages pages;
    private final Clock clock;

    private final AskAnExpert askAnExpert;
    private final Verification verification;

    private Place place = article -> dev.lore.ui.view.article.PlaceView.NONE;
    private Optional<PageTreeService> tree = Optional.empty();

    /** Shows each page's place in the tree and lets new pages be created under a parent. */
    public ArticlePages withTree(PageTreeService tree) {
        this.tree = Optional.of(tree);
        this.place = article -> tree.placeView(article.slug());
        return this;
    }

    private Optional<Drafts> drafts = Optional.empty();

    private dev.lore.server.web.OneRead oneRead = dev.lore.server.web.OneRead.NONE;

    /** Reads what a page view shows in one graph transaction. */
    public ArticlePages withOneRead(dev.lore.server.web.OneRead oneRead) {
        this.oneRead = oneRead;
        return this;
    }

    private Optional<dev.lore.server.web.ViewParts> kept = Optional.empty();

    /** Keeps the parts of a view that are the same for every reader with the graph's version. */
    public ArticlePages withViewParts(dev.lore.server.web.ViewParts kept) {
        this.kept = Optional.of(kept);
        return this;
    }

    private <T> T kept(String key, java.util.function.Supplier<T> read) {
        return kept.isPresent() ? kept.get().get(key, read) : read.get();
    }

    private java.util.function.Function<String, Optional<String>> personName = id -> Optional.empty();

    /** Shows the owner by name (a person id when the name cannot be found). */
    public ArticlePages withPersonNames(java.util.function.Function<String, Optional<String>> personName) {
        this.personName = personName;
        return this;
    }

    private Optional<Lessons> lessons = Optional.empty();

    private Optional<Templates> templates = Optional.empty();

    /** Lets "New page" start from a page template ({@code /new?template=runbook}). */
    public ArticlePages withTemplates(Templates templates) {
        this.templates = Optional.of(templates);
        return this;
    }

    /** Shows lessons' banners; a lesson's author sees it while it waits for a champion. */
    public ArticlePages withLessons(Lessons lessons) {
        this.lessons = Optional.of(lessons);
        return this;
    }

    private TaughtMe taughtMe = (article, reader) -> Optional.empty();

    /** Shows the "this taught me something" block on each page. */
    public ArticlePages withTaughtMe(TaughtMe taughtMe) {
        this.taughtMe = taughtMe;
        return this;
    }

    /** Restores autosaved drafts in the editor, and forgets a draft once its page is saved. */
    public ArticlePages withDrafts(Drafts drafts) {
        this.drafts = Optional.of(drafts);
        return this;
    }

    private final Feedback feedback;
    private final Moderation moderation;
    private final Origin origin;
    private final OpenSteps openSteps;
    private final Related related;

    public ArticlePages(
            ArticleService articles,
            Pages pages,
            Clock clock,
            AskAnExpert askAnExpert,
            Feedback feedback,
            Verification verification,
            Moderation moderation,
            Origin origin,
            OpenSteps openSteps,
            Related related) {
        this.related = related;
        this.origin = origin;
        this.openSteps = openSteps;
        this.feedback = feedback;
        this.moderation = moderation;
        this.articles = articles;
        this.pages = pages;
        this.clock = clock;
        this.askAnExpert = askAnExpert;
        this.verification = verification;
    }

    public void register(RoutesConfig routes) {
        routes.get("/wiki/{slug}", ctx -> oneRead.run(() -> view(ctx)));
        routes.get("/new", this::newForm);
        routes.post("/wiki", this::create);
        routes.get("/wiki/{slug}/edit", this::editForm);
        routes.post("/wiki/{slug}", this::save);
        routes.post("/wiki/{slug}/delete", this::delete);
        new ArticleHistoryPages(articles, pages, clock).register(routes);
        routes.post("/preview", this::preview);
        routes.post("/new/draft/discard", ctx -> discardDraft(ctx, DraftStore.Target.NEW_PAGE, "/new"));
        routes.post(
                "/wiki/{slug}/draft/discard",
                ctx -> discardDraft(
                        ctx,
                        DraftStore.Target.page(ctx.pathParam("slug")),
                        "/wiki/" + ctx.pathParam("slug") + "/edit"));
    }

    private void view(Context ctx) {
        // Champions still see a hidden page (with a banner); everyone else gets a 404.
        Optional<Person> reader = CurrentUser.of(ctx);
        boolean seesHidden = CurrentUser.atLeast(ctx, Role.CHAMPION)
                || lessons.map(l -> l.mayPreview(ctx.pathParam("slug"), reader)).orElse(false);
        String slug = ctx.pathParam("slug");
        ArticlePage page = kept("page " + seesHidden + " " + slug, () -> articles.page(slug, seesHidden));
        Article a = page.article();
        if (page.redirectedFrom().isPresent()) {
            ctx.redirect("/wiki/" + a.slug() + "?from=" + page.redirectedFrom().get(), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        var view = new ArticleView(
                a.slug(),
                a.title(),
                page.rendered().html(),
                a.tags(),
                a.skills(),
                a.revision(),
                Pages.ago(a.updatedAt(), clock.instant()),
                Pages.date(a.updatedAt()),
                a.updatedAt().toString(),
                page.contributors().stream()
                        .max(Comparator.comparing(Contributor::lastAt))
                        .map(ArticlePages::contributor),
                Pages.date(a.createdAt()),
                a.owner()
                        .map(id -> new dev.lore.ui.view.common.PersonLinkView(
                                id, personName.apply(id).orElse(id))),
                page.contributors().stream().map(ArticlePages::contributor).toList(),
                page.backlinks().stream()
                        .map(b -> new LinkView(b.slug(), b.title()))
                        .toList(),
                page.rendered().headings().stream()
                        .map(h -> new HeadingView(h.level(), h.anchor(), h.text()))
                        .toList(),
                Optional.ofNullable(ctx.queryParam("from")).filter(s -> !s.isBlank()),
                askAnExpert.find(a, CurrentUser.of(ctx).map(p -> p.id())),
                feedback.find(a, page.contributors(), CurrentUser.of(ctx).map(p -> p.id())),
                a.hidden() ? Optional.empty() : verification.of(a, CurrentUser.of(ctx)),
                a.hidden() ? moderation.hidden(a) : Optional.empty(),
                kept("origin " + a.id(), () -> origin.of(a)),
                a.hidden() ? List.of() : openSteps.of(a, CurrentUser.of(ctx)),
                a.hidden() ? List.of() : related.of(a),
                kept("place " + a.id() + " " + a.slug(), () -> place.of(a)),
                lessons.flatMap(l -> l.banner(a, reader)),
                a.hidden()
                        ? Optional.empty()
                        : taughtMe.of(a, CurrentUser.of(ctx).map(p -> p.id())));
        pages.render(ctx, "article/article.jte", a.title(), view);
    }

    /** A contributor with their share of the current text, measured in lines (see Attribution). */
    private static ContributorView contributor(Contributor c) {
        return new ContributorView(c.id(), c.name(), c.edits(), (int) Math.round(c.share() * 100));
    }

    private void newForm(Context ctx) {
        Person author = CurrentUser.require(ctx, Role.CONTRIBUTOR);
        String title = Optional.ofNullable(ctx.queryParam("title")).orElse("");
        String markdown = Optional.ofNullable(ctx.queryParam("template"))
                .filter(t -> !t.isBlank())
                .flatMap(t -> templates.map(f -> f.fill(t, title, author)))
                .orElse("");
        String parent = Optional.ofNullable(ctx.queryParam("parent")).orElse("").strip();
        if (!parent.isEmpty()) {
            parent = articles.find(parent).article().slug();
        }
        var view = new EditView(
                true, "", title, markdown, "", "", 0, "", Optional.empty(), Optional.empty(), Optional.empty(), parent);
        Optional<DraftStore.Draft> draft = draft(ctx, DraftStore.Target.NEW_PAGE);
        if (draft.isPresent()) {
            view = restored(view, draft.get());
        }
        pages.render(ctx, "article/edit.jte", "New page", view);
    }

    private void create(Context ctx) {
        var author = CurrentUser.require(ctx, Role.CONTRIBUTOR);
        ArticleForm form = ArticleForm.of(ctx);
        try {
            if (form.wantsPreview()) {
                pages.render(ctx, "article/edit.jte", "New page", form.previewing(true, "", 0, articles));
                return;
            }
            Article created = form.parent().isEmpty() || tree.isEmpty()
                    ? articles.create(form.input(), author.id())
                    : articles.inOneTransaction(() -> {
                        Article a = articles.create(form.input(), author.id());
                        tree.get().move(a.slug(), Optional.of(form.parent()));
                        return a;
                    });
            forgetDraft(author.id(), DraftStore.Target.NEW_PAGE);
            ctx.redirect("/wiki/" + created.slug(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException | TooLargeException e) {
            ctx.status(e instanceof TooLargeException ? 413 : 400);
            pages.render(
                    ctx,
                    "article/edit.jte",
                    "New page",
                    form.edit(true, "", 0, Optional.of(e.getMessage()), Optional.empty()));
        }
    }

    /** The signed-in person's draft of a page, if drafts are on and they have one. */
    private Optional<DraftStore.Draft> draft(Context ctx, DraftStore.Target target) {
        return drafts.flatMap(d -> CurrentUser.of(ctx).flatMap(p -> d.find(p.id(), target)));
    }

    /** The editor holding a draft instead of the page's text, saying so. */
    private EditView restored(EditView view, DraftStore.Draft d) {
        return new EditView(
                view.isNew(),
                view.slug(),
                d.title(),
                d.markdown(),
                d.tags(),
                d.skills(),
                view.isNew() ? 0 : d.baseRevision(),
                view.message(),
                view.error(),
                view.conflict(),
                view.previewHtml(),
                view.parent(),
                Optional.of(Pages.ago(d.savedAt(), clock.instant())));
    }

    private void discardDraft(Context ctx, DraftStore.Target target, String back) {
        var person = CurrentUser.require(ctx, Role.READER);
        drafts.ifPresent(d -> d.discard(person.id(), target));
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    private void forgetDraft(String personId, DraftStore.Target target) {
        drafts.ifPresent(d -> d.discard(personId, target));
    }

    private void editForm(Context ctx) {
        CurrentUser.require(ctx, Role.CONTRIBUTOR);
        Article a = articles.find(ctx.pathParam("slug")).article();
        String text = EditorText.of(a.markdown(), a.title());
        var view = new EditView(
                false,
                a.slug(),
                a.title(),
                text,
                String.join(", ", a.tags()),
                String.join(", ", a.skills()),
                a.revision(),
                "",
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        Optional<DraftStore.Draft> draft = draft(ctx, DraftStore.Target.page(a.slug()));
        if (draft.isPresent()
                && !(draft.get().markdown().equals(text) && draft.get().title().equals(a.title()))) {
            view = restored(view, draft.get());
        }
        pages.render(ctx, "article/edit.jte", "Editing " + a.title(), view);
    }

    private void save(Context ctx) {
        var author = CurrentUser.require(ctx, Role.CONTRIBUTOR);
        String slug = ctx.pathParam("slug");
        ArticleForm form = ArticleForm.of(ctx);
        int base = form.baseRevision();
        try {
            if (form.wantsPreview()) {
                pages.render(
                        ctx,
                        "article/edit.jte",
                        "Editing " + form.title(),
                        form.previewing(false, slug, base, articles));
                return;
            }
            Article saved = articles.update(slug, base, form.input(), author.id());
            forgetDraft(author.id(), DraftStore.Target.page(saved.slug()));
            ctx.redirect("/wiki/" + saved.slug(), HttpStatus.SEE_OTHER);
        } catch (StaleRevisionException e) {
            Article current = articles.find(slug).article();
            Revision latest = articles.revision(current.slug(), current.revision());
            List<DiffLine> changes = ArticleHistoryPages.lines(LineDiff.between(current.markdown(), form.markdown()));
            var conflict = new ConflictView(
                    current.revision(),
                    current.title(),
                    current.markdown(),
                    latest.author().name(),
                    changes);
            ctx.status(409);
            pages.render(
                    ctx,
                    "article/edit.jte",
                    "Editing " + current.title(),
                    form.edit(false, current.slug(), base, Optional.empty(), Optional.of(conflict)));
        } catch (InvalidInputException | TooLargeException e) {
            ctx.status(e instanceof TooLargeException ? 413 : 400);
            pages.render(
                    ctx,
                    "article/edit.jte",
                    "Editing",
                    form.edit(false, slug, base, Optional.of(e.getMessage()), Optional.empty()));
        }
    }

    private void delete(Context ctx) {
        var person = CurrentUser.require(ctx, Role.CONTRIBUTOR);
        articles.delete(ctx.pathParam("slug"), person.id());
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void preview(Context ctx) {
        String markdown = Optional.ofNullable(ctx.formParam("markdown")).orElse("");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(articles.preview(markdown).html());
    }

    static ArticleItem item(ArticleSummary s, Clock clock) {
        return new ArticleItem(s.slug(), s.title(), s.tags(), Pages.ago(s.updatedAt(), clock.instant()), s.revision());
    }
}
