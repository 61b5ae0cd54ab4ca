package dev.lore.server.gitimport;

import dev.lore.graph.gitimport.GitImportStore.TrackedFile;
import dev.lore.server.attachment.LocalLinks;
import dev.lore.server.gitimport.GitHistory.FileChange;
import dev.lore.server.gitimport.GitHistory.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Which Markdown files link which other files of the repository, followed through the history in
 * the order the import reads it, so that a commit changing only an image or a document (not the
 * pages that link it) still reaches those pages: {@link #withLinkedPages} adds a {@link
 * Kind#LINKED} change for each of them, and the import attaches the file's new version. Pages live
 * before the run are read once, when a commit first changes a file that is not Markdown. Not
 * thread-safe; one per import run.
 */
final class LinkedFiles {
    private final GitHistory history;
    /** Markdown paths live when the run started whose links are not read yet. */
    private final Set<String> unread;
    /** Markdown path to the repository paths its text links to. */
    private final Map<String, Set<String>> linksOf = new HashMap<>();
    /** Repository path to the Markdown paths that link it. */
    private final Map<String, Set<String>> linkedFrom = new HashMap<>();

    /** @param livePages the Markdown paths whose pages were live when the run started */
    LinkedFiles(GitHistory history, Collection<String> livePages) {
        this.history = history;
        this.unread = new LinkedHashSet<>(livePages);
    }

    /** For a run that starts with {@code tracked} (Markdown path to what it became). */
    static LinkedFiles startingWith(GitHistory history, Map<String, TrackedFile> tracked) {
        return new LinkedFiles(
                history,
                tracked.values().stream()
                        .filter(TrackedFile::live)
                        .map(TrackedFile::path)
                        .toList());
    }

    /**
     * Attaches the files that a {@link Kind#LINKED} change's page links, as they are in {@code
     * commit}, to its page if it is live ({@code file}, null when the path is not tracked): a
     * changed file becomes a new version of the attachment of its name, an unchanged one is kept.
     * The page's text is not saved again (its addresses name the attachments, not their versions),
     * so an edit made in Lore meanwhile stays.
     */
    static void attach(
            RepositoryFiles files, TrackedFile file, RevCommit commit, FileChange change, String authorId, Instant at) {
        if (file == null || !file.live()) {
            return;
        }
        files.link(commit, change.path(), change.text(), Optional.of(file.slug()))
                .attachTo(file.slug(), authorId, at);
    }

    /**
     * {@code changes} (what {@code commit} did to Markdown files, just read from {@code history})
     * followed by one {@link Kind#LINKED} change for each Markdown file that {@code commit} left as
     * it was but that links a file {@code commit} added or modified.
     */
    List<FileChange> withLinkedPages(RevCommit commit, List<FileChange> changes) {
        var changedPages = new HashSet<String>();
        for (FileChange change : changes) {
            if (change.oldPath() != null) {
                forget(change.oldPath());
            }
            forget(change.path());
            changedPages.add(change.path());
            if (change.kind() != Kind.DELETE && change.readable()) {
                remember(change.path(), change.text());
            }
        }
        List<String> others = history.otherFiles(commit);
        if (others.isEmpty()) {
            return changes;
        }
        readUnread(commit, changedPages);
        var pages = new TreeSet<String>();
        for (String file : others) {
            pages.addAll(linkedFrom.getOrDefault(file, Set.of()));
        }
        pages.removeAll(changedPages);
        if (pages.isEmpty()) {
            return changes;
        }
        var out = new ArrayList<>(changes);
        for (String page : pages) {
            history.linked(commit, page).filter(FileChange::readable).ifPresent(out::add);
        }
        return out;
    }

    private void readUnread(RevCommit commit, Set<String> changedPages) {
        for (String page : unread) {
            if (!changedPages.contains(page) && !linksOf.containsKey(page)) {
                history.linked(commit, page).filter(FileChange::readable).ifPresent(c -> remember(page, c.text()));
            }
        }
        unread.clear();
    }

    private void remember(String page, String text) {
        var files = new HashSet<String>();
        for (String link : LocalLinks.paths(text)) {
            RepositoryFiles.resolve(page, link).ifPresent(files::add);
        }
        if (files.isEmpty()) {
            return;
        }
        linksOf.put(page, files);
        for (String file : files) {
            linkedFrom.computeIfAbsent(file, f -> new HashSet<>()).add(page);
        }
    }

    private void forget(String page) {
        unread.remove(page);
        Set<String> files = linksOf.remove(page);
        if (files == null) {
            return;
        }
        for (String file : files) {
            Set<String> pages = linkedFrom.get(file);
            if (pages != null) {
                pages.remove(page);
                if (pages.isEmpty()) {
                    linkedFrom.remove(file);
                }
            }
        }
    }
}
