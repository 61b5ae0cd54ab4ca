package dev.lore.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real Git repository on disk, written with JGit's porcelain, for import tests. */
public final class FixtureRepository implements AutoCloseable {
    private final Path dir;
    private final Git git;

    private FixtureRepository(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    public static FixtureRepository init(Path dir) {
        try {
            return new FixtureRepository(
                    dir,
                    Git.init()
                            .setDirectory(dir.toFile())
                            .setInitialBranch("main")
                            .call());
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public FixtureRepository write(String path, String text) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FixtureRepository write(String path, byte[] bytes) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FixtureRepository delete(String path) {
        try {
            Files.delete(dir.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FixtureRepository move(String from, String to) {
        try {
            Path target = dir.resolve(to);
            Files.createDirectories(target.getParent());
            Files.move(dir.resolve(from), target);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stages everything (additions, changes, deletions) and commits it as {@code name <email>} at {@code at}. */
    public RevCommit commit(String name, String email, Instant at, String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            var who = new PersonIdent(name, email, at, ZoneOffset.UTC);
            return git.commit()
                    .setAuthor(who)
                    .setCommitter(who)
                    .setMessage(message)
                    .setSign(false)
                    .call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public void checkout(String branch, boolean create) {
        try {
            git.checkout().setName(branch).setCreateBranch(create).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Merges {@code branch} into the current branch with a merge commit, even when it could fast-forward. */
    public RevCommit merge(String branch, String name, String email, Instant at, String message) {
        try {
            git.merge()
                    .include(git.getRepository().resolve(branch))
                    .setFastForward(MergeCommand.FastForwardMode.NO_FF)
                    .setCommit(false)
                    .call();
            return commit(name, email, at, message);
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
