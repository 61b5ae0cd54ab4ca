package dev.lore.server.gitimport;

import dev.lore.graph.article.HistoryBatch.Saved;
import dev.lore.graph.gitimport.GitImportStore;
import dev.lore.graph.gitimport.GitImportStore.TrackedFile;
import dev.lore.server.article.ArticleInput;
import dev.lore.server.article.ArticleService;
import dev.lore.server.attachment.AttachmentService;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.error.TooLargeException;
import dev.lore.server.gitimport.GitHistory.FileChange;
import dev.lore.server.gitimport.Mailmap.Identity;
import dev.lore.server.markdown.FrontMatter;
import dev.lore.server.markdown.Titles;
import dev.lore.server.person.PersonService;
import dev.lore.server.seed.Progress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the Markdown files of a Git repository with their history. The first-parent history of
 * {@code HEAD} is replayed oldest first; every commit that changed a Markdown file becomes one
 * revision of that file's article, credited to the commit's author (merged across name and email
 * variants and the {@code .mailmap}, see {@link AuthorIdentities}) at the commit's author date,
 * with the first line of its message. A rename follows the article; a delete deletes it. Saves go
 * through {@link ArticleService} like any edit, so a commit that leaves a file's text as the article
 * already has it writes nothing. The last imported commit and the file-to-article mapping are kept in
 * the graph ({@link GitImportStore}), so running it again imports only newer commits. Commits are
 * saved in batches, each in one graph transaction with that bookkeeping, and indexed once it
 * commits; an interrupted import loses at most the batch it was in. A batch's saves are kept in
 * memory and written together ({@link dev.lore.server.article.HistoryWrites}): a handful of
 * statements per batch instead of several per revision.
 */
public final class GitImport {
    private static final Logger LOG = LoggerFactory.getLogger(GitImport.class);
    private static final int MAX_MESSAGE = 500;
    /** A batch (one transaction) ends after this many commits or changed files, whichever comes first. */
    private static final int BATCH_COMMITS = 500;

    private static final int BATCH_REVISIONS = 200;

    private final ArticleService articles;
    private final PersonService people;
    private final GitImportStore store;
    private final Clock clock;
    private final int batchCommits;
    private final int batchRevisions;
    private final boolean oneByOne;
    private final Optional<AttachmentService> files;

    public GitImport(ArticleService articles, PersonService people, GitImportStore store, Clock clock) {
        this(articles, people, store, clock, BATCH_COMMITS, BATCH_REVISIONS);
    }

    /** With {@code files}, the images and documents pages link to become their attachments ({@link RepositoryFiles}). */
    public GitImport(
            ArticleService articles,
            PersonService people,
            GitImportStore store,
            Clock clock,
            Optional<AttachmentService> files) {
        this(articles, people, store, clock, BATCH_COMMITS, BATCH_REVISIONS, false, files);
    }

    private Optional<dev.lore.server.article.PageTreeService> tree = Optional.empty();

    /** Places imported pages in the page tree as the repository's folders say ({@link FolderTree}). */
    public GitImport withTree(dev.lore.server.article.PageTreeService tree) {
        this.tree = Optional.of(tree);
        return this;
    }

    /** With other batch sizes; tests use small ones to cross batch boundaries. */
    GitImport(
            ArticleService articles,
            PersonService people,
            GitImportStore store,
            Clock clock,
            int batchCommits,
            int batchRevisions) {
        this(articles, people, store, clock, batchCommits, batchRevisions, false);
    }

    /**
     * With {@code oneByOne}, every save goes through {@link ArticleService} on its own, as an edit
     * in the web page does; the reference the batched import is compared with.
     */
    GitImport(
            ArticleService articles,
            PersonService people,
            GitImportStore store,
            Clock clock,
            int batchCommits,
            int batchRevisions,
            boolean oneByOne) {
        this(articles, people, store, clock, batchCommits, batchRevisions, oneByOne, Optional.empty());
    }

    GitImport(
            ArticleService articles,
            PersonService people,
            GitImportStore store,
            Clock clock,
            int batchCommits,
            int batchRevisions,
            boolean oneByOne,
            Optional<AttachmentService> files) {
        this.files = files;
        this.oneByOne = oneByOne;
        this.articles = articles;
        this.people = people;
        this.store = store;
        this.clock = clock;
        this.batchCommits = batchCommits;
        this.batchRevisions = batchRevisions;
    }

    /**
     * Fails with a message meant for people when {@code path} is not a Git repository with commits;
     * lets the command line say so before it opens the data directory.
     */
    public static void requireRepository(java.nio.file.Path path) {
        GitHistory.open(path).close();
    }

    /**
     * Walks the first-parent history of {@code path} and reads every Markdown file version a full
     * import would read, writing nothing; returns how many it read. The Git import benchmark's
     * yardstick: what an import costs before it saves anything.
     */
    public static int readHistory(java.nio.file.Path path) {
        try (GitHistory history = GitHistory.open(path)) {
            int versions = 0;
            for (RevCommit commit : history.firstParentChain()) {
                versions += history.changes(commit).size();
            }
            return versions;
        }
    }

    /**
     * Imports the commits of the repository at {@code path} that are newer than the last import.
     *
     * @throws GitImportException if {@code path} is not a repository with commits, or its history
     *     no longer contains the last imported commit
     */
    public GitImportResult importRepository(java.nio.file.Path path, Progress progress) {
        return importRepository(path, progress, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #importRepository(java.nio.file.Path, Progress)}, but stops after the first
     * {@code maxCommits} commits of the first-parent chain (oldest first): the repository as it was
     * at that commit. Used by the expert-finding evaluation to measure on a prefix of a long history.
     */
    public GitImportResult importRepository(java.nio.file.Path path, Progress progress, int maxCommits) {
        try (GitHistory history = GitHistory.open(path)) {
            return new Run(history, maxCommits).run(progress);
        } finally {
            files.ifPresent(AttachmentService::extractWaiting); // the files' text, once they are committed
        }
    }

    /** One import. */
    private final class Run {
        private final GitHistory history;
        private final RepositoryFiles repositoryFiles;
        private final Set<String> createdPeople = new HashSet<>();
        private String repositoryKey;
        private Map<Identity, String> authors;

        private final int maxCommits;

        Run(GitHistory history, int maxCommits) {
            this.history = history;
            this.repositoryFiles = new RepositoryFiles(history, files);
            this.maxCommits = maxCommits;
        }

        GitImportResult run(Progress progress) {
            List<RevCommit> chain = history.firstParentChain();
            if (chain.size() > maxCommits) {
                chain = chain.subList(0, Math.max(1, maxCommits));
            }
            repositoryKey = chain.getFirst().name();
            Optional<String> last = store.lastCommit(repositoryKey);
            int start = 0;
            if (last.isPresent()) {
                int at = indexOf(chain, last.get());
                if (at < 0) {
                    throw new GitImportException("the last commit imported from " + history.location() + " ("
                            + last.get().substring(0, 12)
                            + ") is no longer in the history of " + history.branch()
                            + "; was the branch rewritten? Lore only imports history that extends the last import");
                }
                start = at + 1;
            }
            List<RevCommit> pending = chain.subList(start, chain.size());
            if (pending.isEmpty()) {
                LOG.info("{} is up to date at {}", history.location(), last.orElse(""));
                return new GitImportResult(repositoryKey, 0, 0, 0, 0, 0, 0, 0, last.orElse(""));
            }
            authors = resolveAuthors(pending, history.mailmap(chain.getLast()));

            ImportState state = new ImportState(store.trackedFiles(repositoryKey));
            Optional<LinkedFiles> linkedFiles =
                    files.isPresent() ? Optional.of(LinkedFiles.startingWith(history, state.files)) : Optional.empty();
            int step = Math.max(1, pending.size() / 200);
            int next = 0;
            while (next < pending.size()) {
                // What the batch changes, read from Git before its transaction (which may be retried).
                var batchCommits = new ArrayList<Map.Entry<RevCommit, List<FileChange>>>();
                int changed = 0;
                while (next + batchCommits.size() < pending.size()
                        && batchCommits.size() < GitImport.this.batchCommits
                        && changed < batchRevisions) {
                    RevCommit commit = pending.get(next + batchCommits.size());
                    List<FileChange> changes = history.changes(commit);
                    if (linkedFiles.isPresent()) {
                        changes = linkedFiles.get().withLinkedPages(commit, changes);
                    }
                    batchCommits.add(Map.entry(commit, changes));
                    changed += changes.size();
                }
                ImportState before = state;
                int from = next;
                // One transaction per batch: its revisions, the mapping and the last commit commit together.
                state = articles.inOneTransaction(() -> {
                    ImportState batch = before.copy();
                    ImportSaves saves = oneByOne
                            ? ImportSaves.oneByOne(articles, store, repositoryKey)
                            : ImportSaves.batched(articles);
                    saves.preload(touched(batch, batchCommits));
                    int i = from;
                    for (var entry : batchCommits) {
                        if (!entry.getValue().isEmpty()) {
                            apply(saves, batch, entry.getKey(), entry.getValue());
                        }
                        i++;
                        if (i == pending.size() || i % step == 0) {
                            progress.update(i, pending.size(), "commits");
                        }
                    }
                    saves.flush();
                    store.recordCommit(
                            repositoryKey,
                            history.location().toString(),
                            pending.get(i - 1).name(),
                            clock.instant(),
                            batch.tracked,
                            batch.untracked);
                    batch.tracked.clear();
                    batch.untracked.clear();
                    return batch;
                });
                next = from + batchCommits.size();
            }
            ImportState placed = state;
            tree.ifPresent(t -> articles.inOneTransaction(() -> {
                FolderTree.place(t, placed.files);
                return null;
            }));
            state.updatedArticles.removeAll(state.createdArticles);
            var result = new GitImportResult(
                    repositoryKey,
                    pending.size(),
                    state.revisions,
                    state.createdArticles.size(),
                    state.updatedArticles.size(),
                    state.deleted,
                    createdPeople.size(),
                    state.skipped,
                    pending.getLast().name());
            LOG.info("Imported {} from {}: {}", history.branch(), history.location(), result);
            return result;
        }

        /** Finds or creates the person behind every author of {@code commits}. */
        private Map<Identity, String> resolveAuthors(List<RevCommit> commits, Mailmap mailmap) {
            var seen = new LinkedHashMap<Identity, AuthorIdentities.Seen>();
            for (RevCommit c : commits) {
                PersonIdent author = c.getAuthorIdent();
                Identity id = identity(author);
                Instant when = author.getWhenAsInstant();
                seen.merge(
                        id,
                        new AuthorIdentities.Seen(id, 1, when),
                        (a, b) -> new AuthorIdentities.Seen(
                                id, a.commits() + 1, a.last().isAfter(when) ? a.last() : when));
            }
            List<String> emails = seen.keySet().stream()
                    .map(i -> mailmap.map(i).email())
                    .filter(e -> !e.isBlank())
                    .distinct()
                    .toList();
            var resolution = AuthorIdentities.resolve(
                    seen.values(),
                    mailmap,
                    store.identities(),
                    store.personIdsByEmail(emails),
                    id -> people.find(id).isPresent());
            for (AuthorIdentities.NewPerson p : resolution.newPeople()) {
                // No password: imported authors cannot sign in until an admin sets one.
                people.create(p.id(), p.name(), p.email(), "", "", Role.CONTRIBUTOR, Optional.empty());
                createdPeople.add(p.id());
            }
            store.putIdentities(resolution.newKeys());
            return resolution.personByIdentity();
        }

        /** The live articles that the files a batch changes became, as the batch starts. */
        private List<String> touched(ImportState state, List<Map.Entry<RevCommit, List<FileChange>>> commits) {
            var ids = new LinkedHashSet<String>();
            for (var entry : commits) {
                for (FileChange change : entry.getValue()) {
                    for (String path : new String[] {change.path(), change.oldPath()}) {
                        TrackedFile file = path == null ? null : state.files.get(path);
                        if (file != null && file.live()) {
                            ids.add(file.articleId());
                        }
                    }
                }
            }
            return List.copyOf(ids);
        }

        private void apply(ImportSaves saves, ImportState state, RevCommit commit, List<FileChange> changes) {
            String authorId = authors.get(identity(commit.getAuthorIdent()));
            Instant at = commit.getAuthorIdent().getWhenAsInstant();
            String message = firstLine(commit.getFullMessage());
            for (FileChange change : changes) {
                switch (change.kind()) {
                    case DELETE -> delete(saves, state, change.path(), authorId, at);
                    case RENAME -> {
                        TrackedFile moved = state.files.remove(change.oldPath());
                        state.untrack(change.oldPath());
                        if (moved != null) {
                            state.files.put(change.path(), moved);
                            state.track(change.path(), moved.articleId());
                        }
                        save(saves, state, commit, change, authorId, at, message);
                    }
                    case ADD, MODIFY -> save(saves, state, commit, change, authorId, at, message);
                    case LINKED ->
                        LinkedFiles.attach(
                                repositoryFiles, state.files.get(change.path()), commit, change, authorId, at);
                }
            }
        }

        private void delete(ImportSaves saves, ImportState state, String path, String authorId, Instant at) {
            TrackedFile file = state.files.remove(path);
            state.untrack(path);
            if (file == null || !file.live()) {
                return;
            }
            try {
                saves.delete(file, authorId, at);
                state.deleted++;
            } catch (NotFoundException e) {
                LOG.info("{}: its article '{}' was already deleted in Lore", path, file.slug());
            }
        }

        private void save(
                ImportSaves saves,
                ImportState state,
                RevCommit commit,
                FileChange change,
                String authorId,
                Instant at,
                String message) {
            String path = change.path();
            if (!change.readable()) {
                skip(state, commit, path, change.skipped());
                return;
            }
            TrackedFile file = state.files.get(path);
            try {
                boolean live = file != null && file.live();
                var linked = repositoryFiles.link(
                        commit, path, change.text(), live ? Optional.of(file.slug()) : Optional.empty());
                ArticleInput input = input(path, linked.text(), message);
                if (live) {
                    Saved after = saves.update(file, input, authorId, at);
                    linked.attachTo(after.slug(), authorId, at);
                    if (after.wrote()) {
                        state.revisions++;
                        state.updatedArticles.add(after.id());
                    }
                    state.files.put(path, new TrackedFile(path, after.id(), after.slug(), after.revision(), true));
                } else {
                    // New, or its article was deleted in Lore meanwhile: the file lives on, so does a page.
                    Saved created = saves.create(input, authorId, at);
                    linked.attachTo(created.slug(), authorId, at);
                    state.revisions++;
                    state.createdArticles.add(created.id());
                    state.files.put(
                            path, new TrackedFile(path, created.id(), created.slug(), created.revision(), true));
                    state.track(path, created.id());
                }
            } catch (InvalidInputException | TooLargeException e) {
                skip(state, commit, path, e.getMessage());
            }
        }

        private void skip(ImportState state, RevCommit commit, String path, String why) {
            state.skipped++;
            LOG.warn("Skipped {} in commit {}: {}", path, commit.abbreviate(10).name(), why);
        }
    }

    /**
     * What one version of a file saves: its whole text (front matter included, which sets tags,
     * skills and owner as on any save), a title from the front matter, else its first level-one
     * heading, else its file name, and the commit's message. Tags and skills follow the file: a
     * version without them clears them.
     */
    static ArticleInput input(String path, String text, String message) {
        FrontMatter front = FrontMatter.parse(text);
        Optional<String> title =
                front.title().isPresent() ? Optional.empty() : Optional.of(Titles.fromBody(front.body(), path));
        return new ArticleInput(
                title,
                text,
                Optional.of(front.tags()),
                Optional.of(front.skills()),
                Optional.empty(),
                message.isBlank() ? Optional.empty() : Optional.of(message));
    }

    static String firstLine(String message) {
        String line = message.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse("");
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE - 1) + "…" : line;
    }

    private static Identity identity(PersonIdent author) {
        return new Identity(author.getName(), author.getEmailAddress());
    }

    private static int indexOf(List<RevCommit> chain, String commitId) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (chain.get(i).name().equals(commitId)) {
                return i;
            }
        }
        return -1;
    }
}
