package dev.lore.server.learning;

import dev.lore.graph.learning.FeaturedCollection;
import dev.lore.graph.person.Person;
import dev.lore.graph.seed.PackStore;
import dev.lore.server.article.ArticleService;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.markdown.Slugs;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.ui.Urls;
import dev.lore.ui.view.common.LinkView;
import dev.lore.ui.view.learning.CollectionFormView;
import dev.lore.ui.view.learning.CollectionListView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Featured collections in the browser: the list ({@code /collections}) and the champions' editor
 * (new, edit, delete). The editor's form carries the whole collection, and each button says what
 * to do with it ({@code op}: {@code save}, {@code add}, {@code add:slug}, {@code up:i}, {@code
 * down:i}, {@code remove:i}); everything but save comes back as the form, changed and not yet
 * saved, so ordering works without JavaScript and a new collection needs no saved draft.
 */
public final class CollectionPages {
    private static final int CANDIDATES = 10;

    private final CollectionService collections;
    private final ArticleService articles;
    private final PackStore picker;
    private final Pages pages;

    public CollectionPages(CollectionService collections, ArticleService articles, PackStore picker, Pages pages) {
        this.collections = collections;
        this.articles = articles;
        this.picker = picker;
        this.pages = pages;
    }

    public void register(RoutesConfig routes) {
        routes.get("/collections", this::list);
        routes.get("/collections/new", this::newForm);
        routes.post("/collections", this::create);
        routes.get("/collections/{id}/edit", this::editForm);
        routes.post("/collections/{id}/edit", this::edit);
        routes.post("/collections/{id}/delete", this::delete);
    }

    private void list(Context ctx) {
        boolean canEdit = CurrentUser.atLeast(ctx, Role.CHAMPION);
        pages.render(
                ctx,
                "learning/collections.jte",
                "Featured collections",
                new CollectionListView(PathPages.views(collections::all), canEdit));
    }

    /** What the form holds. */
    private record Draft(
            String title, String description, String skill, boolean onHome, List<String> slugs, String add) {
        Draft withAdd(String text) {
            return new Draft(title, description, skill, onHome, slugs, text);
        }

        CollectionService.CollectionRequest request() {
            return new CollectionService.CollectionRequest(title, description, skill, onHome, slugs);
        }
    }

    private void newForm(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        String skill = Optional.ofNullable(ctx.queryParam("skill")).orElse("").strip();
        render(ctx, Optional.empty(), new Draft("", "", skill, skill.isEmpty(), List.of(), ""), List.of(), false, null);
    }

    private void editForm(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        FeaturedCollection c = collections.get(ctx.pathParam("id"));
        var draft = new Draft(
                c.title(),
                c.description(),
                c.skill().orElse(""),
                c.onHome(),
                c.articles().stream().map(FeaturedCollection.Featured::slug).toList(),
                "");
        render(ctx, Optional.of(c.id()), draft, List.of(), false, null);
    }

    private void create(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.CHAMPION);
        submit(ctx, Optional.empty(), draft -> collections.create(draft.request(), me));
    }

    private void edit(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.CHAMPION);
        String id = collections.get(ctx.pathParam("id")).id();
        submit(ctx, Optional.of(id), draft -> collections.update(id, draft.request(), me));
    }

    private void delete(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.CHAMPION);
        collections.delete(ctx.pathParam("id"), me);
        ctx.redirect("/collections", HttpStatus.SEE_OTHER);
    }

    private void submit(Context ctx, Optional<String> id, java.util.function.Function<Draft, FeaturedCollection> save) {
        var slugs = new ArrayList<>(ctx.formParams("articles"));
        var draft = new Draft(
                form(ctx, "title"),
                form(ctx, "description"),
                form(ctx, "skill"),
                "true".equals(ctx.formParam("onHome")),
                slugs,
                form(ctx, "add").strip());
        String op = Optional.ofNullable(ctx.formParam("op")).orElse("save");
        if (op.equals("save") && !draft.add().isEmpty()) {
            op = "add"; // Enter in the add field submits the form with its first button
        }
        if (op.equals("save")) {
            try {
                FeaturedCollection saved = save.apply(draft);
                ctx.redirect("/collections#collection-" + Urls.encode(saved.id()), HttpStatus.SEE_OTHER);
            } catch (InvalidInputException e) {
                ctx.status(400);
                render(ctx, id, draft, List.of(), true, e.getMessage());
            }
            return;
        }
        if (op.equals("add")) {
            add(ctx, id, draft);
            return;
        }
        if (op.startsWith("add:")) {
            String slug = op.substring(4);
            if (!slugs.contains(slug)) {
                slugs.add(slug);
            }
        } else {
            int i = index(op, slugs.size());
            String verb = op.substring(0, op.indexOf(':'));
            switch (verb) {
                case "up" -> {
                    if (i > 0) {
                        slugs.add(i - 1, slugs.remove(i));
                    }
                }
                case "down" -> {
                    if (i < slugs.size() - 1) {
                        slugs.add(i + 1, slugs.remove(i));
                    }
                }
                case "remove" -> slugs.remove(i);
                default -> throw new InvalidInputException("unknown op '" + op + "'");
            }
        }
        render(ctx, id, draft.withAdd(""), List.of(), true, null);
    }

    /** Adds the article the add field names by address, or offers the articles whose title matches. */
    private void add(Context ctx, Optional<String> id, Draft draft) {
        String text = draft.add();
        if (text.isEmpty()) {
            ctx.status(400);
            render(ctx, id, draft, List.of(), true, "type an article's address or words from its title to add it");
            return;
        }
        Optional<String> slug = resolve(text);
        if (slug.isPresent()) {
            if (!draft.slugs().contains(slug.get())) {
                draft.slugs().add(slug.get());
            }
            render(ctx, id, draft.withAdd(""), List.of(), true, null);
            return;
        }
        List<LinkView> found = picker.byTitle(text, CANDIDATES).stream()
                .filter(item -> !draft.slugs().contains(item.slug()))
                .map(item -> new LinkView(item.slug(), item.title()))
                .toList();
        if (found.size() == 1) {
            draft.slugs().add(found.getFirst().slug());
            render(ctx, id, draft.withAdd(""), List.of(), true, null);
        } else if (found.isEmpty()) {
            render(ctx, id, draft, List.of(), true, "no article has the address or a title with '" + text + "'");
        } else {
            render(ctx, id, draft, found, true, null);
        }
    }

    /** The live article a typed address names: a slug, {@code /wiki/slug} or a full link. */
    private Optional<String> resolve(String text) {
        String s = text;
        int wiki = s.indexOf("/wiki/");
        if (wiki >= 0) {
            s = s.substring(wiki + "/wiki/".length());
        }
        for (String candidate : List.of(s, Slugs.slugify(s))) {
            if (candidate.isBlank()) {
                continue;
            }
            try {
                return Optional.of(articles.find(candidate).article().slug());
            } catch (NotFoundException e) {
                // try the next spelling
            }
        }
        return Optional.empty();
    }

    private static int index(String op, int size) {
        int colon = op.indexOf(':');
        try {
            int i = Integer.parseInt(op.substring(colon + 1));
            if (colon > 0 && i >= 0 && i < size) {
                return i;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // refused below
        }
        throw new InvalidInputException("op must be save, add, add:slug, up:i, down:i or remove:i, was '" + op + "'");
    }

    private void render(
            Context ctx, Optional<String> id, Draft draft, List<LinkView> candidates, boolean unsaved, String error) {
        var items = draft.slugs().stream().map(this::link).toList();
        String heading = id.isPresent() ? "Edit collection" : "New collection";
        String action = id.map(i -> "/collections/" + Urls.encode(i) + "/edit").orElse("/collections");
        pages.render(
                ctx,
                "learning/collectionform.jte",
                id.isPresent() ? "Edit " + (draft.title().isBlank() ? "collection" : draft.title()) : heading,
                new CollectionFormView(
                        heading,
                        action,
                        id,
                        draft.title(),
                        draft.description(),
                        draft.skill(),
                        draft.onHome(),
                        items,
                        draft.add(),
                        candidates,
                        unsaved,
                        Optional.ofNullable(error)));
    }

    private LinkView link(String slug) {
        try {
            var a = articles.find(slug).article();
            return new LinkView(slug, a.title());
        } catch (NotFoundException e) {
            return new LinkView(slug, slug + " (no longer available)");
        }
    }

    private static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }
}
