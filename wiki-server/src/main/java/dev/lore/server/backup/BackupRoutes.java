package dev.lore.server.backup;

import dev.lore.server.auth.Role;
import dev.lore.server.seed.Progress;
import dev.lore.server.web.CurrentUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code POST /api/admin/backup} (admins): makes a backup of the running server's graph and sends
 * it as {@code graph.jsonl.gz} ({@code application/gzip}), with its change sequence in {@code
 * X-Lore-Change-Seq} and its SHA-256 in {@code X-Lore-Backup-Sha256}. The backup is written to a
 * temporary file first, so writes wait only for the graph read, never for a slow download.
 */
public final class BackupRoutes {
    public static final String PATH = "/api/admin/backup";
    public static final String SEQ_HEADER = "X-Lore-Change-Seq";
    public static final String SHA_HEADER = "X-Lore-Backup-Sha256";
    private final Backups backups;

    public BackupRoutes(Backups backups) {
        this.backups = backups;
    }

    public void register(RoutesConfig routes) {
        routes.post(PATH, this::backup);
    }

    private void backup(Context ctx) throws IOException {
        CurrentUser.require(ctx, Role.ADMIN);
        Path dir = Files.createTempDirectory("lore-backup-");
        Path file = dir.resolve(BackupFormat.GRAPH_FILE);
        try {
            Backups.Made made = backups.writeGraphFile(file, Progress.NONE);
            ctx.contentType("application/gzip");
            ctx.header("Content-Disposition", "attachment; filename=\"lore-backup-" + made.changeSeq() + ".jsonl.gz\"");
            ctx.header(SEQ_HEADER, Long.toString(made.changeSeq()));
            ctx.header(SHA_HEADER, Backups.sha256(file));
            ctx.res().setContentLengthLong(made.bytes());
            try (var in = Files.newInputStream(file)) {
                in.transferTo(ctx.outputStream());
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
