package dev.lore.server.gitimport;

/**
 * What a run did.
 *
 * @param commits commits newly processed (all of them, with or without Markdown changes)
 * @param revisions revisions written, first revisions of new articles included
 * @param updated existing articles that got new revisions
 * @param skipped file versions not imported (too large, binary, or refused by validation)
 */
public record GitImportResult(
        String repositoryKey,
        int commits,
        int revisions,
        int created,
        int updated,
        int deleted,
        int people,
        int skipped,
        String lastCommit) {
    /** One line for the command line. */
    public String summary() {
        if (commits == 0) {
            return "Nothing new to import: already at commit " + abbreviate(lastCommit);
        }
        return String.format(
                "Imported %d commits (up to %s): %d revisions; articles %d created, %d updated, %d deleted;"
                        + " %d new %s%s",
                commits,
                abbreviate(lastCommit),
                revisions,
                created,
                updated,
                deleted,
                people,
                people == 1 ? "person" : "people",
                skipped == 0 ? "" : "; " + skipped + " file versions skipped (see the log)");
    }

    private static String abbreviate(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
