package dev.lore.server.article;

import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.article.Article;
import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.article.ArticleSummary;
import dev.lore.graph.article.ArticleWrite;
import dev.lore.graph.article.PageRead;
import dev.lore.graph.article.Revision;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.markdown.MarkdownRenderer;
import dev.lore.server.markdown.Rendered;
import dev.lore.server.markdown.Slugs;
import dev.lore.server.markdown.WikiLink;
import dev.lore.server.notify.Notifier;
import dev.lore.server.search.IndexSync;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Articles as people see them: validation, front matter, wiki links, rendering, history and diffs.
 * Every write goes to the graph first and is then applied to the index before returning. Thread-safe.
 */
public final class ArticleService {
    public static final int MAX_TITLE = 200;
    public static final int MAX_MARKDOWN_BYTES = 1 << 20;

    private final ArticleStore store;
    private final MarkdownRenderer markdown;
    private final IndexSync index;
    private final Clock clock;
    private final Notifier notifier;
    private final RevisionFiles revisionFiles;
    private final PageBodies bodies;
    private volatile Writers writers = Writers.SELF;

    /**
     * Whom a person's save of a page is credited to: themselves, or, on a lesson they shared on
     * behalf of their team, the team's voice (see the lesson package).
     */
    @FunctionalInterface
    public interface Writers {
        Writers SELF = (articleId, personId) -> personId;

        String writer(String articleId, String personId);
    }

    /** Credits saves as {@code writers} says; set once while wiring, before serving. */
    public ArticleService withWriters(Writers writers) {
        this.writers = java.util.Objects.requireNonNull(writers, "writers must not be null");
        return this;
    }

    /** Whom {@code personId}'s upload to a page is credited to: as their saves of it ({@link Writers}). */
    public String uploader(String kind, String key, String personId) {
        return kind.equals("article") ? writers.writer(find(key).article().id(), personId) : personId;
    }

    /** Points an old revision's files at the versions it showed: {@code (html, savedAt) -> html}. */
    @FunctionalInterface
    public interface RevisionFiles {
        RevisionFiles NONE = (html, savedAt) -> html;

        String pin(String html, Instant savedAt);
    }

    public ArticleService(ArticleStore store, MarkdownRenderer markdown, IndexSync index, Clock clock) {
        this(store, markdown, index, clock, Notifier.NONE);
    }

    /** @param notifier told of every save made by a person (not of imports, which notify nobody) */
    public ArticleService(
            ArticleStore store, MarkdownRenderer markdown, IndexSync index, Clock clock, Notifier notifier) {
        this(store, markdown, index, clock, notifier, RevisionFiles.NONE);
    }

    /** @param revisionFiles pins the files an old revision shows to the versions of its time */
    public ArticleService(
            ArticleStore store,
            MarkdownRenderer markdown,
            IndexSync index,
            Clock clock,
            Notifier notifier,
            RevisionFiles revisionFiles) {
        this.store = store;
        this.markdown = markdown;
        this.index = index;
        this.clock = clock;
        this.notifier = notifier;
        this.revisionFiles = revisionFiles;
        this.bodies = new PageBodies(a -> render(a.markdown(), a.title()));
    }

    /** Creates an article by a person now, notifying who watches its author and skills. */
    public Article create(ArticleInput input, String authorId) {
        Article created = notifier.together(() -> {
            Article a = create(input, authorId, clock.instant());
            notifier.articleSaved(Optional.empty(), a, "", authorId);
            return a;
        });
        index.catchUp();
        return created;
    }

    /** Creates an article as of {@code at}; imports use it to keep historical dates. */
    public Article create(ArticleInput input, String authorId, Instant at) {
        ArticleWrite write = ArticleWrites.toWrite(markdown, input, Optional.empty(), authorId, at, "Created");
        Article created = store.create(Slugs.slugify(write.title()), write);
        index.catchUp();
        return created;
    }

    /** Creates many articles in one transaction, then indexes them; for bulk imports and benchmarks. */
    public List<Article> createBatch(List<ArticleInput> inputs, String authorId, Instant at) {
        return createBatch(inputs, java.util.Collections.nCopies(inputs.size(), authorId), at);
    }

    /** Creates many articles, each by its own author ({@code authorIds} parallel to {@code inputs}). */
    public List<Article> createBatch(List<ArticleInput> inputs, List<String> authorIds, Instant at) {
        if (inputs.size() != authorIds.size()) {
            throw new IllegalArgumentException("one author per article");
        }
        return BatchCreate.create(store, markdown, index, inputs, authorIds, at);
    }

    /**
     * Runs many saves in one graph transaction, then indexes them: for imports, where one commit
     * and one index refresh per revision would cost more than the saves. The saves inside behave as
     * always (revision checks, links, contributors) and see each other; none is visible to others
     * or searchable before {@code work} returns. {@code work} may run again if the transaction is
     * retried.
     */
    public <T> T inOneTransaction(java.util.function.Supplier<T> work) {
        T result = store.inOneTransaction(work);
        index.catchUp();
        return result;
    }

    /**
     * Saves replayed from a history (imports), written together; use inside {@link
     * #inOneTransaction} and flush before it ends. Nobody is notified, as for any import.
     */
    public HistoryWrites historyWrites() {
        return new HistoryWrites(store.historyBatch(), markdown);
    }

    /** Saves a new revision by a person now, notifying the page's watchers and who it newly mentions. */
    public Article update(String slug, int baseRevision, ArticleInput input, String authorId) {
        Article updated = notifier.together(() -> {
            Optional<Article> before = Optional.of(find(slug).article());
            String writer = writers.writer(before.get().id(), authorId);
            Article a = update(before.get(), slug, baseRevision, input, writer, clock.instant());
            notifier.articleSaved(before, a, input.message().orElse(""), writer);
            return a;
        });
        index.catchUp();
        return updated;
    }

    /**
     * Saves a new revision based on {@code baseRevision}.
     *
     * @throws dev.lore.graph.article.StaleRevisionException if someone saved in between
     */
    public Article update(String slug, int baseRevision, ArticleInput input, String authorId, Instant at) {
        if (baseRevision < 1) {
            throw new InvalidInputException("baseRevision must be 1 or more, was " + baseRevision);
        }
        return update(find(slug).article(), slug, baseRevision, input, authorId, at);
    }

    /** As {@link #update(String, int, ArticleInput, String, Instant)}, on {@code current} as just read. */
    private Article update(
            Article current, String slug, int baseRevision, ArticleInput input, String authorId, Instant at) {
        if (baseRevision < 1) {
            throw new InvalidInputException("baseRevision must be 1 or more, was " + baseRevision);
        }
        try {
            ArticleWrite write = ArticleWrites.toWrite(markdown, input, Optional.of(current), authorId, at, "Edited");
            Article updated = store.update(slug, baseRevision, Slugs.slugify(write.title()), write);
            index.catchUp();
            return updated;
        } catch (NoSuchEntityException e) {
            throw notFound(slug);
        }
    }

    /**
     * Saves an old revision's text as a new revision of the page as it is when the restore runs:
     * the current revision is read in the save's own transaction, so a save landing just before
     * it is a 409, never overwritten unseen.
     */
    public Article restore(String slug, int number, String authorId) {
        Article restored = store.inOneTransaction(() -> {
            Article current = find(slug).article();
            Revision old = revision(current.slug(), number);
            var input = new ArticleInput(
                    Optional.of(old.title()),
                    old.markdown(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("Restored revision " + number));
            return update(current.slug(), current.revision(), input, authorId);
        });
        index.catchUp();
        return restored;
    }

    /**
     * Creates an article and answers with its page as this save left it: the page is read in the
     * save's own transaction, so a later save by someone else can never be mistaken for this one.
     */
    public ArticlePage createAndShow(ArticleInput input, String authorId) {
        return shown(() -> create(input, authorId));
    }

    /** As {@link #createAndShow}, with {@code place} (say, under a parent) in the same transaction. */
    public ArticlePage createAndShow(ArticleInput input, String authorId, java.util.function.Consumer<Article> place) {
        return shown(() -> {
            Article created = create(input, authorId);
            place.accept(created);
            return created;
        });
    }

    /** Saves a new revision (as {@link #update}) and answers with the page as this save left it. */
    public ArticlePage updateAndShow(String slug, int baseRevision, ArticleInput input, String authorId) {
        return shown(() -> update(slug, baseRevision, input, authorId));
    }

    /** Restores an old revision (as {@link #restore}) and answers with the page as this save left it. */
    public ArticlePage restoreAndShow(String slug, int number, String authorId) {
        return shown(() -> restore(slug, number, authorId));
    }

    /**
     * Runs a save and reads what its page shows in the same transaction, then indexes the save.
     * Rendering happens after the commit, from what was read inside.
     */
    private ArticlePage shown(java.util.function.Supplier<Article> save) {
        PageRead read = store.inOneTransaction(() -> {
            Article saved = save.get();
            return store.page(saved.slug(), true).orElseThrow(() -> notFound(saved.slug()));
        });
        index.catchUp();
        return toPage(read, Optional.empty());
    }

    private ArticlePage toPage(PageRead read, Optional<String> redirectedFrom) {
        Article article = read.article();
        return new ArticlePage(
                article,
                bodies.body(article, read.graphVersion()),
                read.contributors(),
                read.backlinks(),
                redirectedFrom);
    }

    public void delete(String slug, String byPersonId) {
        delete(slug, byPersonId, clock.instant());
    }

    /** Deletes as of {@code at}; imports use it to keep historical dates. */
    public void delete(String slug, String byPersonId, Instant at) {
        try {
            store.delete(slug, byPersonId, at);
        } catch (NoSuchEntityException e) {
            throw notFound(slug);
        }
        index.catchUp();
    }

    /**
     * The article at {@code slug}; with {@code includeHidden} (for champions) also one a moderator
     * hid.
     */
    public Found find(String slug, boolean includeHidden) {
        if (includeHidden) {
            Optional<Article> any = store.findIncludingHidden(slug);
            if (any.isPresent()) {
                return new Found(any.get(), Optional.empty());
            }
        }
        return find(slug);
    }

    /** The article at {@code slug}, following a redirect left by a rename. */
    public Found find(String slug) {
        Optional<Article> direct = store.find(slug);
        if (direct.isPresent()) {
            return new Found(direct.get(), Optional.empty());
        }
        return store.redirectTarget(slug)
                .flatMap(target -> store.find(target).map(a -> new Found(a, Optional.of(slug))))
                .orElseThrow(() -> notFound(slug));
    }

    public ArticlePage page(String slug) {
        return page(slug, false);
    }

    /** The page at {@code slug}; with {@code includeHidden}, also a hidden one (for champions). */
    public ArticlePage page(String slug, boolean includeHidden) {
        Optional<PageRead> direct = store.page(slug, includeHidden);
        if (direct.isPresent()) {
            return toPage(direct.get(), Optional.empty());
        }
        Found found = find(slug, includeHidden); // through a redirect, or not found
        String target = found.article().slug();
        return toPage(store.page(target, includeHidden).orElseThrow(() -> notFound(slug)), found.redirectedFrom());
    }

    public List<ArticleSummary> list(int offset, int limit) {
        return store.list(offset, limit);
    }

    public long count() {
        return store.countLive();
    }

    public List<Revision> revisions(String slug) {
        return revisions(slug, false);
    }

    /** All revisions, newest first; with {@code includeHidden}, also of a hidden page (its history is kept). */
    public List<Revision> revisions(String slug, boolean includeHidden) {
        return store.revisions(find(slug, includeHidden).article().slug());
    }

    public Revision revision(String slug, int number) {
        String canonical = find(slug).article().slug();
        return store.revision(canonical, number)
                .orElseThrow(() -> new NotFoundException("article '" + canonical + "' has no revision " + number));
    }

    /**
     * A revision's HTML as it was: an older revision's files are the versions that were the
     * latest when it was saved; the current revision shows the page's files as they are now.
     */
    public String revisionHtml(String slug, Revision r) {
        return pinFiles(slug, r, render(r.markdown(), r.title()).html());
    }

    /** {@code html}, rendered from revision {@code r}, with its files as {@link #revisionHtml} shows them. */
    public String pinFiles(String slug, Revision r, String html) {
        return r.number() == find(slug).article().revision() ? html : revisionFiles.pin(html, r.at());
    }

    public LineDiff.Result diff(String slug, int from, int to) {
        return LineDiff.between(
                revision(slug, from).markdown(), revision(slug, to).markdown());
    }

    /** Renders Markdown with its wiki links resolved against the pages that exist now. */
    public Rendered render(String text) {
        return render(text, "");
    }

    /** Renders a page body, leaving out a leading heading that repeats {@code title}. */
    public Rendered render(String text, String title) {
        List<String> keys =
                markdown.wikiLinks(text).stream().map(WikiLink::key).distinct().toList();
        Map<String, String> resolved = store.resolveLinks(keys);
        return markdown.render(text, resolved, title);
    }

    /** Renders a draft for the editor's preview, within the same size limit as a save. */
    public Rendered preview(String text) {
        ArticleWrites.requireSize(text == null ? "" : text);
        return render(text == null ? "" : text);
    }

    private static NotFoundException notFound(String slug) {
        return new NotFoundException("no article at '" + slug + "'");
    }

    /** An article and, when reached through an old slug, that slug. */
    public record Found(Article article, Optional<String> redirectedFrom) {}
}
