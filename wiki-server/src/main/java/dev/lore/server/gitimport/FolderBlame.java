package dev.lore.server.gitimport;

import dev.lore.server.gitimport.Mailmap.Identity;
import dev.lore.server.seed.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.BlameCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Who wrote the lines of a repository's Markdown files, by {@code git blame}, grouped by folder:
 * the ground truth of the expert-finding evaluation, computed from Git alone (JGit's blame over the
 * whole history, renames followed), not from Lore's own attribution.
 */
public final class FolderBlame {
    private FolderBlame() {}

    /**
     * The blame of one commit.
     *
     * @param commit the commit blamed (HEAD, or the last of a prefix of the first-parent chain)
     * @param commits first-parent commits up to and including it
     * @param mailmap the {@code .mailmap} of that commit, as the import uses it
     * @param folders by folder (direct parent directory, "" for the root): its Markdown files and
     *     the non-blank lines each author identity (as the commit names it) wrote in them
     */
    public record Snapshot(String commit, Instant date, int commits, Mailmap mailmap, Map<String, Folder> folders) {}

    /** One folder: how many Markdown files, and non-blank lines by author identity. */
    public record Folder(String path, int files, Map<Identity, Integer> lines) {}

    /** Blames every Markdown file at the {@code maxCommits}-th first-parent commit (or HEAD). */
    public static Snapshot blame(Path repository, int maxCommits, Progress progress) {
        try (GitHistory history = GitHistory.open(repository)) {
            List<RevCommit> chain = history.firstParentChain();
            int n = Math.max(1, Math.min(chain.size(), maxCommits));
            RevCommit at = chain.get(n - 1);
            var files = new ArrayList<String>();
            try (TreeWalk tw = new TreeWalk(history.repository())) {
                tw.addTree(at.getTree());
                tw.setRecursive(true);
                while (tw.next()) {
                    FileMode mode = tw.getFileMode(0);
                    if (GitHistory.isMarkdownFile(tw.getPathString(), mode)
                            && history.repository().open(tw.getObjectId(0)).getSize() <= GitHistory.MAX_BYTES) {
                        files.add(tw.getPathString());
                    }
                }
            }
            // blame's rename detection reads diff.renameLimit; the import's limit, in memory only
            history.repository().getConfig().setInt("diff", null, "renameLimit", GitHistory.RENAME_LIMIT);
            var folders = new TreeMap<String, Map<Identity, Integer>>();
            var counts = new HashMap<String, Integer>();
            for (int i = 0; i < files.size(); i++) {
                String path = files.get(i);
                String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
                counts.merge(folder, 1, Integer::sum);
                var lines = folders.computeIfAbsent(folder, f -> new HashMap<>());
                BlameResult blame = new BlameCommand(history.repository())
                        .setStartCommit(at)
                        .setFilePath(path)
                        .setFollowFileRenames(true)
                        .call();
                if (blame != null) {
                    RawText text = blame.getResultContents();
                    for (int line = 0; line < text.size(); line++) {
                        PersonIdent who = blame.getSourceAuthor(line);
                        if (who != null && !text.getString(line).isBlank()) {
                            lines.merge(new Identity(who.getName(), who.getEmailAddress()), 1, Integer::sum);
                        }
                    }
                }
                progress.update(i + 1, files.size(), "files blamed");
            }
            var result = new TreeMap<String, Folder>();
            folders.forEach((f, lines) -> result.put(f, new Folder(f, counts.get(f), lines)));
            return new Snapshot(at.name(), at.getAuthorIdent().getWhenAsInstant(), n, history.mailmap(at), result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot blame " + repository, e);
        } catch (GitAPIException e) {
            throw new GitImportException("cannot blame " + repository + ": " + e.getMessage());
        }
    }
}
