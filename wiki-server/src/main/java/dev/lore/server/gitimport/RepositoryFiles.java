package dev.lore.server.gitimport;

import dev.lore.server.attachment.AttachmentService;
import dev.lore.server.attachment.ImportedFiles;
import dev.lore.server.attachment.LocalLinks;
import dev.lore.server.error.LoreException;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a repository that its Markdown shows or links ({@code images/x.png} relative to the
 * Markdown file, or {@code /images/x.png} from the repository's root), as they were in the commit
 * being imported: each becomes an attachment of the page and the link its address. Files nothing
 * links to are left out; a link to a file that is not there, or that Lore does not keep (a program,
 * a file over the size limit), stays as it is. Links to other Markdown files are page links, not
 * files. Not thread-safe; one per import run.
 */
final class RepositoryFiles {
    private static final Logger LOG = LoggerFactory.getLogger(RepositoryFiles.class);

    private final GitHistory history;
    private final Optional<AttachmentService> attachments;

    RepositoryFiles(GitHistory history, Optional<AttachmentService> attachments) {
        this.history = history;
        this.attachments = attachments;
    }

    /** A file version's text with its file links rewritten, and the files to attach once the page is saved. */
    record Linked(String text, Optional<ImportedFiles> files) {
        void attachTo(String slug, String authorId, java.time.Instant at) {
            files.filter(f -> !f.isEmpty()).ifPresent(f -> f.attachTo(slug, authorId, at));
        }
    }

    /**
     * @param slug the page the file already is, if any (its attachments are reused)
     */
    Linked link(RevCommit commit, String markdownPath, String text, Optional<String> slug) {
        if (attachments.isEmpty()) {
            return new Linked(text, Optional.empty());
        }
        var files = new ImportedFiles(attachments.get(), slug);
        String rewritten = LocalLinks.rewrite(
                text,
                link -> resolve(markdownPath, link)
                        .flatMap(path -> history.file(
                                        commit, path, attachments.get().maxFileBytes())
                                .flatMap(bytes -> address(files, commit, path, bytes))));
        return new Linked(rewritten, Optional.of(files));
    }

    private static Optional<String> address(ImportedFiles files, RevCommit commit, String path, byte[] bytes) {
        try {
            return Optional.of(files.address(path.substring(path.lastIndexOf('/') + 1), bytes));
        } catch (LoreException e) {
            LOG.warn(
                    "Left the link to {} in commit {} as it is: {}",
                    path,
                    commit.abbreviate(10).name(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** The repository path a link names, if it stays inside the repository and is not a page. */
    static Optional<String> resolve(String markdownPath, String link) {
        String lower = link.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md") || lower.endsWith(".markdown") || link.endsWith("/")) {
            return Optional.empty();
        }
        var parts = new ArrayDeque<String>();
        if (!link.startsWith("/")) {
            int slash = markdownPath.lastIndexOf('/');
            if (slash > 0) {
                for (String part : markdownPath.substring(0, slash).split("/")) {
                    parts.addLast(part);
                }
            }
        }
        for (String part : link.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty(); // above the repository's root
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        if (parts.isEmpty() || parts.contains(".git")) {
            return Optional.empty();
        }
        return Optional.of(String.join("/", parts));
    }
}
