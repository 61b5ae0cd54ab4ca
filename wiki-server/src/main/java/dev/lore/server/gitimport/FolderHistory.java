package dev.lore.server.gitimport;

import dev.lore.graph.expertise.Attribution;
import dev.lore.server.gitimport.Mailmap.Identity;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Who added the lines of a repository's Markdown files over their whole history, grouped by the
 * folder each file is in at the last commit read: the second truth of the expert-finding
 * evaluation, computed from Git alone. Each first-parent commit's Markdown changes against its
 * parent (renames detected as the import detects them, and followed) count the non-blank lines it
 * adds, the way {@link Attribution#change} counts a save, for the commit's author; lines later
 * rewritten or deleted still count. Files deleted by then count for no folder, as blame's do not.
 */
public final class FolderHistory {
    private FolderHistory() {}

    /**
     * The history up to a commit.
     *
     * @param folders by folder (direct parent directory, "" for the root): the non-blank lines each
     *     author identity (as the commits name it) added over time to the Markdown files it holds
     * @param commits every author identity of the first-parent commits read, with how many commits
     *     it made (Markdown or not), in the order they first appear
     */
    public record Added(Map<String, Map<Identity, Integer>> folders, Map<Identity, Integer> commits) {}

    /** Reads the first {@code maxCommits} first-parent commits of {@code repository}. */
    public static Added read(java.nio.file.Path repository, int maxCommits) {
        try (GitHistory history = GitHistory.open(repository)) {
            List<RevCommit> chain = history.firstParentChain();
            int n = Math.max(1, Math.min(chain.size(), maxCommits));
            var texts = new HashMap<String, String>();
            // lines added per file, carried along renames, so a folder counts its files' whole history
            var byFile = new HashMap<String, Map<Identity, Integer>>();
            var commits = new LinkedHashMap<Identity, Integer>();
            for (RevCommit commit : chain.subList(0, n)) {
                PersonIdent who = commit.getAuthorIdent();
                Identity identity = new Identity(who.getName(), who.getEmailAddress());
                commits.merge(identity, 1, Integer::sum);
                for (GitHistory.FileChange change : history.changes(commit)) {
                    String before = change.oldPath() == null ? null : texts.remove(change.oldPath());
                    Map<Identity, Integer> added = change.oldPath() == null ? null : byFile.remove(change.oldPath());
                    if (change.kind() == GitHistory.Kind.DELETE || !change.readable()) {
                        continue;
                    }
                    if (change.kind() == GitHistory.Kind.ADD) {
                        added = null; // a path added again starts a new history, as a new article does
                        before = null;
                    }
                    int lines = Attribution.change(before == null ? "" : before, change.text())
                            .added();
                    texts.put(change.path(), change.text());
                    var counts = added == null ? new HashMap<Identity, Integer>() : added;
                    if (lines > 0) {
                        counts.merge(identity, lines, Integer::sum);
                    }
                    byFile.put(change.path(), counts);
                }
            }
            var folders = new TreeMap<String, Map<Identity, Integer>>();
            byFile.forEach((path, counts) -> {
                String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
                var sum = folders.computeIfAbsent(folder, f -> new HashMap<>());
                counts.forEach((identity, lines) -> sum.merge(identity, lines, Integer::sum));
            });
            return new Added(folders, commits);
        }
    }
}
