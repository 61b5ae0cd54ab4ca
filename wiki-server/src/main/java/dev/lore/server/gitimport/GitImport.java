package dev.lore.server.gitimport;

import dev.lore.graph.gitimport.GitImportStore;
import dev.lore.server.article.ArticleInput;
import dev.lore.server.article.ArticleService;
import dev.lore.server.article.PageTreeService;
import dev.lore.server.attachment.AttachmentService;
import dev.lore.server.markdown.FrontMatter;
import dev.lore.server.markdown.Titles;
import dev.lore.server.person.PersonService;
import dev.lore.server.seed.Progress;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;

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
    private static final int MAX_MESSAGE = 500;
    /** A batch (one transaction) ends after this many commits or changed files, whichever comes first. */
    private static final int BATCH_COMMITS = 5_000;

    private static final int BATCH_REVISIONS = 2_000;

    private final ImportSetup setup;

    private GitImport(ImportSetup setup) {
        this.setup = setup;
    }

    /** An import that saves through {@code articles} and creates authors through {@code people}. */
    public static Builder builder(ArticleService articles, PersonService people, GitImportStore store, Clock clock) {
        return new Builder(articles, people, store, clock);
    }

    /**
     * How a {@link GitImport} is put together. By default it imports pages only, places them nowhere
     * in the page tree, and writes batches of 5,000 commits or 2,000 changed files.
     */
    public static final class Builder {
        private final ArticleService articles;
        private final PersonService people;
        private final GitImportStore store;
        private final Clock clock;
        private Optional<AttachmentService> files = Optional.empty();
        private Optional<PageTreeService> tree = Optional.empty();
        private int batchCommits = BATCH_COMMITS;
        private int batchRevisions = BATCH_REVISIONS;
        private boolean oneByOne;

        private Builder(ArticleService articles, PersonService people, GitImportStore store, Clock clock) {
            this.articles = articles;
            this.people = people;
            this.store = store;
            this.clock = clock;
        }

        /** The images and documents pages link to become their attachments ({@link RepositoryFiles}). */
        public Builder files(AttachmentService files) {
            this.files = Optional.of(files);
            return this;
        }

        /** Places imported pages in the page tree as the repository's folders say ({@link FolderTree}). */
        public Builder tree(PageTreeService tree) {
            this.tree = Optional.of(tree);
            return this;
        }

        /** Other batch sizes; tests use small ones to cross batch boundaries. */
        Builder batches(int commits, int revisions) {
            this.batchCommits = commits;
            this.batchRevisions = revisions;
            return this;
        }

        /**
         * Every save goes through {@link ArticleService} on its own, as an edit in the web page does;
         * the reference the batched import is compared with.
         */
        Builder oneByOne() {
            this.oneByOne = true;
            return this;
        }

        public GitImport build() {
            return new GitImport(new ImportSetup(
                    articles, people, store, clock, files, tree, batchCommits, batchRevisions, oneByOne));
        }
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
            return new ImportRun(setup, history, maxCommits).run(progress);
        } finally {
            setup.files().ifPresent(AttachmentService::extractWaiting); // the files' text, once they are committed
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
}
