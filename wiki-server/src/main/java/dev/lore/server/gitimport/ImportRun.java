package dev.lore.server.gitimport;

import dev.lore.graph.article.HistoryBatch.Saved;
import dev.lore.graph.gitimport.GitImportStore;
import dev.lore.graph.gitimport.GitImportStore.TrackedFile;
import dev.lore.server.article.ArticleInput;
import dev.lore.server.article.ArticleService;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.error.TooLargeException;
import dev.lore.server.gitimport.GitHistory.FileChange;
import dev.lore.server.gitimport.Mailmap.Identity;
import dev.lore.server.seed.Progress;
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
 * One run of a {@link GitImport}: replays the pending commits of one repository in batches, each
 * batch in one graph transaction with the import's bookkeeping. Not thread-safe; used once.
 */
final class ImportRun {

    private static final Logger LOG = LoggerFactory.getLogger(GitImport.class);

    private final ImportSetup setup;
    private final ArticleService articles;
    private final GitImportStore store;
    private final GitHistory history;
    private final RepositoryFiles repositoryFiles;
    private final Set<String> createdPeople = new HashSet<>();
    private String repositoryKey;
    private Map<Identity, String> authors;

    private final int maxCommits;

    ImportRun(ImportSetup setup, GitHistory history, int maxCommits) {
        this.setup = setup;
        this.articles = setup.articles();
        this.store = setup.store();
        this.history = history;
        this.repositoryFiles = new RepositoryFiles(history, setup.files());
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
        Optional<LinkedFiles> linkedFiles = setup.files().isPresent()
                ? Optional.of(LinkedFiles.startingWith(history, state.files))
                : Optional.empty();
        int step = Math.max(1, pending.size() / 200);
        int next = 0;
        while (next < pending.size()) {
            // What the batch changes, read from Git before its transaction (which may be retried).
            var batchCommits = new ArrayList<Map.Entry<RevCommit, List<FileChange>>>();
            int changed = 0;
            while (next + batchCommits.size() < pending.size()
                    && batchCommits.size() < setup.batchCommits()
                    && changed < setup.batchRevisions()) {
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
                ImportSaves saves = setup.oneByOne()
                        ? ImportSaves.oneByOne(articles, store, repositoryKey)
                        : ImportSaves.batched(articles, setup.files().isPresent());
                saves.preload(touched(batch, batchCommits));
                saves.preloadSlugs(newPages(batch, batchCommits));
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
                        setup.clock().instant(),
                        batch.tracked,
                        batch.untracked);
                batch.tracked.clear();
                batch.untracked.clear();
                return batch;
            });
            next = from + batchCommits.size();
        }
        ImportState placed = state;
        setup.tree()
                .ifPresent(t -> articles.inOneTransaction(() -> {
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
                id -> setup.people().find(id).isPresent());
        // One transaction (and one index catch-up) for all new authors rather than one each.
        articles.inOneTransaction(() -> {
            for (AuthorIdentities.NewPerson p : resolution.newPeople()) {
                // No password: imported authors cannot sign in until an admin sets one.
                setup.people().create(p.id(), p.name(), p.email(), "", "", Role.CONTRIBUTOR, Optional.empty());
                createdPeople.add(p.id());
            }
            store.putIdentities(resolution.newKeys());
            return null;
        });
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

    /**
     * What the readable files a batch changes that are no live article as it starts would save:
     * the pages it may create, whose slugs are then read together.
     */
    private static List<ArticleInput> newPages(
            ImportState state, List<Map.Entry<RevCommit, List<FileChange>>> commits) {
        var inputs = new ArrayList<ArticleInput>();
        for (var entry : commits) {
            for (FileChange change : entry.getValue()) {
                TrackedFile file = state.files.get(change.oldPath() == null ? change.path() : change.oldPath());
                if (change.kind() != GitHistory.Kind.DELETE
                        && change.kind() != GitHistory.Kind.LINKED
                        && change.readable()
                        && (file == null || !file.live())) {
                    try {
                        inputs.add(GitImport.input(change.path(), change.text(), ""));
                    } catch (InvalidInputException e) {
                        // skipped when saved, with the reason
                    }
                }
            }
        }
        return inputs;
    }

    private void apply(ImportSaves saves, ImportState state, RevCommit commit, List<FileChange> changes) {
        String authorId = authors.get(identity(commit.getAuthorIdent()));
        Instant at = commit.getAuthorIdent().getWhenAsInstant();
        String message = GitImport.firstLine(commit.getFullMessage());
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
                    LinkedFiles.attach(repositoryFiles, state.files.get(change.path()), commit, change, authorId, at);
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
            ArticleInput input = GitImport.input(path, linked.text(), message);
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
                state.files.put(path, new TrackedFile(path, created.id(), created.slug(), created.revision(), true));
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
