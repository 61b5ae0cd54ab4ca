package dev.lore.server.seed;

import dev.lore.graph.article.Article;
import dev.lore.graph.curation.VerificationStore;
import dev.lore.server.article.ArticleInput;
import dev.lore.server.article.ArticleService;
import dev.lore.server.attachment.AttachmentService;
import dev.lore.server.attachment.ImportedFiles;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.error.TooLargeException;
import dev.lore.server.expertise.ExpertService;
import dev.lore.server.learning.CollectionService;
import dev.lore.server.learning.PathService;
import dev.lore.server.markdown.FrontMatter;
import dev.lore.server.markdown.Slugs;
import dev.lore.server.person.PersonService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a folder of Markdown with front matter (a seed pack). Each {@code name.md} is an article;
 * a folder holding only {@code 001.md}, {@code 002.md}, ... is one article whose files are its
 * successive revisions, each with its own {@code author}, {@code date} and {@code message}. An
 * optional {@code people.json} creates the people first, and an optional {@code skills.json} ({@code
 * [{name, description, aliases}]}) describes skills and names their aliases. After the articles,
 * an optional {@code paths.json} ({@code [{title, description, level, skill, steps:[{kind, ref,
 * prompt}]}]}) adds learning paths and {@code collections.json} ({@code [{title, skill, onHome,
 * articles:[slug]}]}) featured collections, matched by title when re-imported. Re-importing updates articles (matched by
 * slug) instead of duplicating them, and saves nothing when the text is unchanged. Folders map to
 * the page tree ({@link PackTree}): {@code foo/index.md} (or {@code foo.md} beside {@code foo/}) is
 * the page {@code foo} and the pages in {@code foo/} are its children. The folder's layout and
 * checks are {@link PackFolder}'s; the JSON files are {@link PackLists}'.
 */
public final class MarkdownImport {
    private static final Logger LOG = LoggerFactory.getLogger(MarkdownImport.class);
    private static final int UNITS_PER_TRANSACTION = 10;
    /**
     * Packs up to this many articles and bytes (more than an upload may hold) are written in one
     * transaction, so a pack that fails half-way changes nothing. Larger folders, which only the
     * command line takes, are written a few articles per transaction after the same checks.
     */
    static final int MAX_ATOMIC_UNITS = 1_000;

    static final long MAX_ATOMIC_BYTES = 64L << 20;
    /** The largest file a pack may hold: the largest article ({@link ArticleService#MAX_MARKDOWN_BYTES}). */
    public static final int MAX_FILE_BYTES = ArticleService.MAX_MARKDOWN_BYTES;

    private final ArticleService articles;
    private final PersonService people;
    private final PackLists lists;
    private final VerificationStore verifications;
    private final Clock clock;
    private final Optional<AttachmentService> files;
    private Optional<dev.lore.server.article.PageTreeService> tree = Optional.empty();

    /** Places imported pages in the page tree as the pack's folders say. */
    public MarkdownImport withTree(dev.lore.server.article.PageTreeService tree) {
        this.tree = Optional.of(tree);
        return this;
    }

    public MarkdownImport(
            ArticleService articles,
            PersonService people,
            ExpertService skills,
            PathService paths,
            CollectionService collections,
            VerificationStore verifications,
            Clock clock) {
        this(articles, people, skills, paths, collections, verifications, clock, Optional.empty());
    }

    /** With {@code files}, the pack's files that pages link to become their attachments ({@link PackAttachments}). */
    public MarkdownImport(
            ArticleService articles,
            PersonService people,
            ExpertService skills,
            PathService paths,
            CollectionService collections,
            VerificationStore verifications,
            Clock clock,
            Optional<AttachmentService> files) {
        this.files = files;
        this.articles = articles;
        this.verifications = verifications;
        this.people = people;
        this.lists = new PackLists(people, skills, paths, collections);
        this.clock = clock;
    }

    /** The JSON files a pack may hold besides its Markdown. */
    public static final List<String> PACK_FILES =
            List.of("people.json", "skills.json", "paths.json", "collections.json");

    /**
     * What an import did: people created, articles created, updated and unchanged, paths and
     * collections created or updated, and the files it left alone with the reason.
     */
    public record Result(
            int people, int created, int updated, int unchanged, int paths, int collections, List<Skipped> skipped) {}

    /** A file of the pack that was not imported, and why. */
    public record Skipped(String file, String reason) {}

    /**
     * Whether loading counts as checking the content. A page's own {@code verified: <date>} front
     * matter is honoured either way (never later than the load); {@link #AT_LOAD} also marks every
     * other page verified by the importer when it is loaded: for seed packs, whose dates are the
     * story's and not the reader's. {@link #AS_STATED} is for real content (a folder or a Git
     * history), which has not been checked just because it moved into Lore.
     */
    public enum Verification {
        AS_STATED,
        AT_LOAD
    }

    /** Imports {@code root}, with people's roles as the files say. */
    public Result importFolder(Path root, String importerId, Optional<String> password, Progress progress) {
        return importFolder(root, importerId, password, Role.ADMIN, progress);
    }

    /**
     * Imports {@code root}. Every Markdown file's front matter, every JSON file and every file's
     * size is checked before anything is written, and so is every path step and collection entry
     * (against the pack's own articles and the pages that exist); a problem is an {@link
     * InvalidInputException} (or {@link TooLargeException}) naming the file. A pack of at most
     * {@value #MAX_ATOMIC_UNITS} articles and 64 MiB is then written in one transaction: whatever
     * fails while writing, nothing changes.
     *
     * @param importerId who is credited where a file names no author
     * @param password the password given to imported people (none if empty)
     * @param maxRole the highest role a {@code people.json} entry gets (higher ones are lowered)
     */
    public Result importFolder(
            Path root, String importerId, Optional<String> password, Role maxRole, Progress progress) {
        return importFolder(root, importerId, password, maxRole, progress, Verification.AS_STATED);
    }

    /** As {@link #importFolder(Path, String, Optional, Role, Progress)}, verifying pages as {@code verification} says. */
    public Result importFolder(
            Path root,
            String importerId,
            Optional<String> password,
            Role maxRole,
            Progress progress,
            Verification verification) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("not a folder: " + root);
        }
        List<List<Path>> units = PackFolder.units(root);
        List<Skipped> skipped = PackFolder.check(
                root, units, files.isPresent() ? PackAttachments.all(root, units) : java.util.Set.of());
        lists.checkReferences(root, units);
        try {
            if (units.size() <= MAX_ATOMIC_UNITS && PackFolder.bytes(root) <= MAX_ATOMIC_BYTES) {
                // every write inside joins this transaction (and its batches too): all or nothing
                return articles.inOneTransaction(
                        () -> write(root, units, skipped, importerId, password, maxRole, progress, verification));
            }
            LOG.warn(
                    "{} holds {} articles: too many for one transaction, so it is written in batches; a failure"
                            + " part-way keeps the batches written before it",
                    root,
                    units.size());
            return write(root, units, skipped, importerId, password, maxRole, progress, verification);
        } finally {
            // the files' text is read once the graph names them: after the commit
            files.ifPresent(AttachmentService::extractWaiting);
        }
    }

    private Result write(
            Path root,
            List<List<Path>> units,
            List<Skipped> skipped,
            String importerId,
            Optional<String> password,
            Role maxRole,
            Progress progress,
            Verification verification) {
        int peopleCreated = lists.importPeople(root, root.resolve("people.json"), password, maxRole);
        lists.importSkills(root, root.resolve("skills.json"));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        var slugs = new String[units.size()];
        // A few articles per graph transaction (and index refresh): a seed pack's hundreds of
        // revisions load several times faster than with one transaction each.
        for (int i = 0; i < units.size(); i += UNITS_PER_TRANSACTION) {
            var batch = units.subList(i, Math.min(units.size(), i + UNITS_PER_TRANSACTION));
            // the work may be retried with the transaction, so it returns its outcomes
            List<Imported> outcomes = articles.inOneTransaction(() -> batch.stream()
                    .map(unit -> importUnit(root, unit, importerId, verification))
                    .toList());
            for (int j = 0; j < outcomes.size(); j++) {
                slugs[i + j] = outcomes.get(j).slug();
                switch (outcomes.get(j).outcome()) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            }
            progress.update(i + batch.size(), units.size(), "articles");
        }
        tree.ifPresent(t -> place(t, PackTree.parents(root, units), slugs));
        // after the articles: paths and collections name them by slug
        int pathCount = lists.importPaths(root, root.resolve("paths.json"), importerId);
        int collectionCount = lists.importCollections(root, root.resolve("collections.json"), importerId);
        LOG.info(
                "Imported {}: {} people, {} articles created, {} updated, {} unchanged",
                root,
                peopleCreated,
                created,
                updated,
                unchanged);
        return new Result(peopleCreated, created, updated, unchanged, pathCount, collectionCount, skipped);
    }

    private enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    private record Imported(Outcome outcome, String slug) {}

    /** Puts each page under the page of its folder, unless it is there already. */
    private void place(
            dev.lore.server.article.PageTreeService tree, java.util.Map<Integer, Integer> parents, String[] slugs) {
        articles.inOneTransaction(() -> {
            parents.forEach((child, parent) -> {
                String under = slugs[parent];
                boolean there = tree.place(slugs[child])
                        .parent()
                        .map(p -> p.slug().equals(under))
                        .orElse(false);
                if (!there && !slugs[child].equals(under)) {
                    tree.move(slugs[child], Optional.of(under));
                }
            });
            return null;
        });
    }

    private Imported importUnit(Path root, List<Path> revisions, String importerId, Verification verification) {
        try {
            Path first = revisions.getFirst();
            String fallbackTitle = first.getFileName().toString().equals(PackTree.INDEX)
                            && !first.getParent().equals(root)
                    ? dev.lore.server.markdown.Titles.fromPath(
                            first.getParent().getFileName().toString())
                    : PackFolder.titleFromFile(first);
            String title = FrontMatter.parse(PackFolder.read(first)).title().orElse(fallbackTitle);
            return importUnit(
                    root,
                    revisions,
                    title,
                    importerId,
                    verification,
                    files.map(f -> new ImportedFiles(
                            f, findExisting(Slugs.slugify(title)).map(Article::slug))));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(PackFolder.name(root, revisions.getFirst()) + ": " + e.getMessage());
        }
    }

    private Imported importUnit(
            Path root,
            List<Path> revisions,
            String title,
            String importerId,
            Verification verification,
            Optional<ImportedFiles> attached) {
        var texts = new java.util.ArrayList<String>();
        for (Path file : revisions) {
            String text = PackFolder.read(file);
            texts.add(attached.map(f -> PackAttachments.rewrite(root, file, text, f))
                    .orElse(text));
        }
        attached.ifPresent(f -> PackAttachments.attachUnlinked(root, revisions, f));
        Optional<Article> existing = findExisting(Slugs.slugify(title));
        Instant filesAt = FrontMatter.parse(texts.getFirst()).date().orElseGet(clock::instant);
        if (existing.isPresent()) {
            Article current = existing.get();
            String last = texts.getLast();
            Article after = save(Optional.of(current), last, title, importerId);
            attached.ifPresent(f -> f.attachTo(after.slug(), importerId, filesAt));
            verify(after, last, importerId, verification);
            return new Imported(
                    after.revision() == current.revision() ? Outcome.UNCHANGED : Outcome.UPDATED, after.slug());
        }
        Optional<Article> current = Optional.empty();
        for (String text : texts) {
            current = Optional.of(save(current, text, title, importerId));
        }
        Article created = current.orElseThrow();
        attached.ifPresent(f -> f.attachTo(created.slug(), importerId, filesAt));
        verify(created, texts.getLast(), importerId, verification);
        return new Imported(Outcome.CREATED, created.slug());
    }

    /**
     * Saves one file as a revision. Its front matter becomes the page's metadata (title, tags,
     * skills, owner) and the revision's (author, date, message) and is not stored: the page's text
     * is what follows the block, byte for byte, so an exported page imports back unchanged. A file
     * whose first line ends in CRLF (a Windows checkout) has its line ends made LF throughout.
     */
    private Article save(Optional<Article> current, String file, String fallbackTitle, String importerId) {
        String text = startsWithCrLf(file) ? file.replace("\r\n", "\n") : file;
        FrontMatter front = FrontMatter.parse(text);
        String author = front.author().map(this::ensurePerson).orElse(importerId);
        Instant at = front.date().orElseGet(clock::instant);
        var input = new ArticleInput(
                Optional.of(front.title().orElse(fallbackTitle)),
                front.body(),
                front.tags().isEmpty() ? Optional.empty() : Optional.of(front.tags()),
                front.skills().isEmpty() ? Optional.empty() : Optional.of(front.skills()),
                front.owner(),
                front.message().or(() -> Optional.of("Imported")),
                front.kind());
        if (current.isEmpty()) {
            return articles.create(input, author, at);
        }
        return articles.update(current.get().slug(), current.get().revision(), input, author, at);
    }

    /** Records the page's verification: as its last file states, else at load when {@code verification} says so. */
    private void verify(Article article, String lastFile, String importerId, Verification verification) {
        Instant now = clock.instant();
        FrontMatter.verified(lastFile)
                .map(stated -> stated.isAfter(now) ? now : stated)
                .or(() -> verification == Verification.AT_LOAD ? Optional.of(now) : Optional.empty())
                .ifPresent(at -> verifications.verifiedAsOf(article.slug(), importerId, at));
    }

    private static boolean startsWithCrLf(String text) {
        int end = text.indexOf('\n');
        return end > 0 && text.charAt(end - 1) == '\r';
    }

    private Optional<Article> findExisting(String slug) {
        try {
            return Optional.of(articles.find(slug).article());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The id of the person a file names as author, creating them (without a password) if new. */
    private String ensurePerson(String author) {
        String id = author.strip().toLowerCase(java.util.Locale.ROOT);
        if (!id.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            id = Slugs.slugify(author);
        }
        if (people.find(id).isEmpty()) {
            people.create(id, author.strip(), "", "", "", Role.CONTRIBUTOR, Optional.empty());
        }
        return id;
    }
}
