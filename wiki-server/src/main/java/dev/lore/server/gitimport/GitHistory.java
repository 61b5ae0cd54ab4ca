package dev.lore.server.gitimport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.FS;

/**
 * The Markdown history of a repository's default branch, read in process with JGit: the
 * first-parent chain from {@code HEAD}, and for each commit the Markdown files it added, modified,
 * deleted or renamed against its first parent (renames detected by content, as {@code git log -M}
 * does). Not thread-safe; close it.
 */
final class GitHistory implements AutoCloseable {
    /** Larger files are not read; Lore takes at most 1 MiB of Markdown per article. */
    static final int MAX_BYTES = 1 << 20;

    /**
     * Rename detection compares up to this many added x deleted files per commit. Git's default
     * (400) is too small for a docs tree moved with edits (hugoDocs moved 1,000+ pages at once):
     * beyond it only exact renames are found and every moved page looks deleted and re-created.
     */
    static final int RENAME_LIMIT = 5_000;

    private final Repository repository;
    private final ObjectReader reader;
    private final RevWalk walk;
    private final DiffConfig diffConfig;
    private final Path location;

    private GitHistory(Repository repository, Path location) {
        this.repository = repository;
        this.location = location;
        this.reader = repository.newObjectReader();
        this.walk = new RevWalk(reader);
        this.diffConfig = repository.getConfig().get(DiffConfig.KEY);
    }

    /** A Markdown file one commit changed. {@code text} is null for a delete or a file not read. */
    record FileChange(Kind kind, String oldPath, String path, String text, String skipped) {
        boolean readable() {
            return text != null;
        }
    }

    enum Kind {
        ADD,
        MODIFY,
        RENAME,
        DELETE,
        /** Not changed itself, but a file it links to was: its links are read again ({@link LinkedFiles}). */
        LINKED
    }

    /**
     * Opens the repository at {@code path}: a working tree (with {@code .git}) or a bare
     * repository.
     *
     * @throws GitImportException if there is none or it has no commits
     */
    static GitHistory open(Path path) {
        Path dir = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new GitImportException("not a folder: " + dir);
        }
        var builder = new FileRepositoryBuilder().setMustExist(true);
        File file = dir.toFile();
        if (Files.exists(dir.resolve(Constants.DOT_GIT))) {
            builder.setWorkTree(file);
        } else if (RepositoryCache.FileKey.isGitRepository(file, FS.DETECTED)) {
            builder.setGitDir(file);
        } else {
            throw new GitImportException(
                    "not a Git repository: " + dir + " (give the folder that holds .git, or a bare repository)");
        }
        Repository repository;
        try {
            repository = builder.build();
        } catch (RepositoryNotFoundException e) {
            throw new GitImportException("not a Git repository: " + dir);
        } catch (IOException | IllegalArgumentException e) {
            throw new GitImportException("cannot open the Git repository at " + dir + ": " + e.getMessage());
        }
        var history = new GitHistory(repository, dir);
        try {
            if (repository.resolve(Constants.HEAD) == null) {
                throw new GitImportException("the Git repository at " + dir + " has no commits yet");
            }
        } catch (IOException e) {
            history.close();
            throw new GitImportException("cannot read HEAD of " + dir + ": " + e.getMessage());
        } catch (GitImportException e) {
            history.close();
            throw e;
        }
        return history;
    }

    Path location() {
        return location;
    }

    Repository repository() {
        return repository;
    }

    /** The branch HEAD points at (for messages), or the commit id when detached. */
    String branch() {
        try {
            return repository.getBranch();
        } catch (IOException e) {
            return Constants.HEAD;
        }
    }

    /** HEAD and its first parents, oldest first. */
    List<RevCommit> firstParentChain() {
        try {
            var chain = new ArrayList<RevCommit>();
            RevCommit commit = walk.parseCommit(repository.resolve(Constants.HEAD));
            while (true) {
                chain.add(commit);
                if (commit.getParentCount() == 0) {
                    break;
                }
                commit = walk.parseCommit(commit.getParent(0));
            }
            return chain.reversed();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk the history of " + location, e);
        }
    }

    /** The {@code .mailmap} at the root of {@code commit}'s tree, or an empty one. */
    Mailmap mailmap(RevCommit commit) {
        try (TreeWalk tw = TreeWalk.forPath(reader, ".mailmap", commit.getTree())) {
            if (tw == null || !tw.getFileMode(0).equals(FileMode.REGULAR_FILE)) {
                return Mailmap.EMPTY;
            }
            return Mailmap.parse(new String(reader.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read .mailmap in " + location, e);
        }
    }

    /**
     * The Markdown files {@code commit} changed against its first parent (the empty tree for a root
     * commit): deletes first, then renames and modifications, then additions, each by path.
     */
    List<FileChange> changes(RevCommit commit) {
        try {
            List<DiffEntry> entries;
            try (TreeWalk tw = new TreeWalk(reader)) {
                tw.setRecursive(true);
                tw.setFilter(TreeFilter.ANY_DIFF);
                if (commit.getParentCount() == 0) {
                    tw.addTree(new EmptyTreeIterator());
                } else {
                    tw.addTree(walk.parseCommit(commit.getParent(0)).getTree());
                }
                tw.addTree(commit.getTree());
                entries = DiffEntry.scan(tw);
            }
            otherFiles = new OtherFiles(commit, otherFiles(entries));
            var markdown = new ArrayList<DiffEntry>();
            var changes = new ArrayList<FileChange>();
            for (DiffEntry e : entries) {
                boolean oldSide = isMarkdownFile(e.getOldPath(), e.getOldMode());
                boolean newSide = isMarkdownFile(e.getNewPath(), e.getNewMode());
                switch (e.getChangeType()) {
                    case ADD -> {
                        if (newSide) {
                            markdown.add(e);
                        }
                    }
                    case DELETE -> {
                        if (oldSide) {
                            markdown.add(e);
                        }
                    }
                    default -> {
                        if (oldSide && newSide) {
                            markdown.add(e);
                        } else if (oldSide) { // a file turned into a symlink or submodule
                            changes.add(new FileChange(Kind.DELETE, e.getOldPath(), e.getOldPath(), null, null));
                        } else if (newSide) { // and back
                            changes.add(read(
                                    Kind.ADD, null, e.getNewPath(), e.getNewId().toObjectId()));
                        }
                    }
                }
            }
            if (!markdown.isEmpty()) {
                var renames = new RenameDetector(reader, diffConfig);
                renames.setRenameLimit(RENAME_LIMIT);
                renames.addAll(markdown);
                for (DiffEntry e : renames.compute()) {
                    changes.add(
                            switch (e.getChangeType()) {
                                case DELETE -> new FileChange(Kind.DELETE, e.getOldPath(), e.getOldPath(), null, null);
                                case ADD, COPY ->
                                    read(
                                            Kind.ADD,
                                            null,
                                            e.getNewPath(),
                                            e.getNewId().toObjectId());
                                case MODIFY ->
                                    read(
                                            Kind.MODIFY,
                                            e.getOldPath(),
                                            e.getNewPath(),
                                            e.getNewId().toObjectId());
                                case RENAME ->
                                    read(
                                            Kind.RENAME,
                                            e.getOldPath(),
                                            e.getNewPath(),
                                            e.getNewId().toObjectId());
                            });
                }
            }
            changes.sort(
                    Comparator.comparingInt((FileChange c) -> order(c.kind())).thenComparing(FileChange::path));
            return changes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read commit " + commit.name() + " in " + location, e);
        }
    }

    /** The files other than Markdown that the last commit given to {@link #changes} added or modified. */
    private record OtherFiles(RevCommit commit, List<String> paths) {}

    private OtherFiles otherFiles;

    /**
     * The regular files other than Markdown that {@code commit} added or modified (by their new
     * path), from the scan {@link #changes} made of it; empty for a commit not scanned last.
     */
    List<String> otherFiles(RevCommit commit) {
        OtherFiles last = otherFiles;
        return last != null && last.commit().equals(commit) ? last.paths() : List.of();
    }

    private static List<String> otherFiles(List<DiffEntry> entries) {
        var paths = new ArrayList<String>();
        for (DiffEntry e : entries) {
            if (e.getChangeType() != DiffEntry.ChangeType.DELETE
                    && !isMarkdownFile(e.getNewPath(), e.getNewMode())
                    && (e.getNewMode().equals(FileMode.REGULAR_FILE)
                            || e.getNewMode().equals(FileMode.EXECUTABLE_FILE))) {
                paths.add(e.getNewPath());
            }
        }
        return paths;
    }

    /**
     * The Markdown file at {@code path} as it is in {@code commit}, as a {@link Kind#LINKED} change;
     * empty when it is not a regular file there.
     */
    java.util.Optional<FileChange> linked(RevCommit commit, String path) {
        try (TreeWalk tw = TreeWalk.forPath(reader, path, commit.getTree())) {
            if (tw == null || !isMarkdownFile(path, tw.getFileMode(0))) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(read(Kind.LINKED, path, path, tw.getObjectId(0)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " in " + location, e);
        }
    }

    private static int order(Kind kind) {
        return switch (kind) {
            case DELETE -> 0;
            case RENAME, MODIFY -> 1;
            case ADD -> 2;
            case LINKED -> 3;
        };
    }

    private FileChange read(Kind kind, String oldPath, String path, ObjectId blob) throws IOException {
        ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
        if (loader.getSize() > MAX_BYTES) {
            return new FileChange(kind, oldPath, path, null, "larger than 1 MiB");
        }
        byte[] bytes = loader.getCachedBytes(MAX_BYTES);
        if (RawText.isBinary(bytes)) {
            return new FileChange(kind, oldPath, path, null, "binary content");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new FileChange(kind, oldPath, path, text.replace("\r\n", "\n"), null);
    }

    /**
     * The bytes of the regular file at {@code path} in {@code commit}'s tree; empty when there is
     * none there (or a folder, a link, a submodule) or it is larger than {@code maxBytes}.
     */
    java.util.Optional<byte[]> file(RevCommit commit, String path, long maxBytes) {
        try (TreeWalk tw = TreeWalk.forPath(reader, path, commit.getTree())) {
            if (tw == null
                    || !(tw.getFileMode(0).equals(FileMode.REGULAR_FILE)
                            || tw.getFileMode(0).equals(FileMode.EXECUTABLE_FILE))) {
                return java.util.Optional.empty();
            }
            ObjectLoader loader = reader.open(tw.getObjectId(0), Constants.OBJ_BLOB);
            if (loader.getSize() > maxBytes) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(loader.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " in " + location, e);
        }
    }

    /** A regular file (not a symlink or submodule) named {@code *.md} or {@code *.markdown}, any case. */
    static boolean isMarkdownFile(String path, FileMode mode) {
        if (path == null || path.equals(DiffEntry.DEV_NULL)) {
            return false;
        }
        if (!mode.equals(FileMode.REGULAR_FILE) && !mode.equals(FileMode.EXECUTABLE_FILE)) {
            return false;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".markdown");
    }

    @Override
    public void close() {
        walk.close();
        reader.close();
        repository.close();
    }
}
