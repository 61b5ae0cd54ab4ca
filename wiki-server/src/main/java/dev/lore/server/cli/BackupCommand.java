package dev.lore.server.cli;

import dev.lore.server.Config;
import dev.lore.server.OpenGraph;
import dev.lore.server.backup.BackupException;
import dev.lore.server.backup.BackupFormat;
import dev.lore.server.backup.Backups;
import dev.lore.server.backup.RemoteBackup;
import dev.lore.server.error.LoreException;
import dev.lore.server.seed.ConsoleProgress;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code lore backup DIR}: through the running server when {@code LORE_ADMIN_TOKEN} is set, else
 * straight from the data directory of a stopped Lore (or {@code LORE_NEO4J_URI}).
 */
public final class BackupCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) {
        if (args.size() != 1) {
            Cli.fail("backup needs a new folder: java -jar lore.jar backup DIR");
        }
        backup(Path.of(args.getFirst()), out);
    }

    private static void backup(Path dir, PrintStream out) {
        var env = System.getenv();
        Config config = Config.fromEnvironment(env);
        Optional<String> token =
                Optional.ofNullable(env.get("LORE_ADMIN_TOKEN")).filter(t -> !t.isBlank());
        try {
            if (token.isPresent()) {
                var base = URI.create(Optional.ofNullable(env.get("LORE_URL"))
                        .filter(u -> !u.isBlank())
                        .orElse("http://localhost:" + config.port()));
                out.println("Backing up the Lore running at " + base);
                BackupFormat.Header h = RemoteBackup.download(base, token.get().strip(), dir, new ConsoleProgress(out));
                out.printf(
                        "Backed up %d nodes and %d relationships (change %d) to %s%n",
                        h.nodes(), h.relationships(), h.changeSeq(), dir.toAbsolutePath());
                backupFiles(config, dir, out);
                return;
            }
            if (config.neo4jUri().isEmpty() && !Files.isDirectory(config.storeDir())) {
                Cli.fail("no Lore data in " + config.dataDir().toAbsolutePath() + " (set LORE_DATA_DIR)");
            }
            try (OpenGraph graph = openGraph(config)) {
                Backups.Made made =
                        new Backups(graph.graph(), Clock.systemUTC()).backupTo(dir, new ConsoleProgress(out));
                out.printf(
                        "Backed up %d nodes and %d relationships (change %d) to %s%n",
                        made.nodes(), made.relationships(), made.changeSeq(), dir.toAbsolutePath());
            }
            backupFiles(config, dir, out);
        } catch (BackupException | LoreException e) {
            Cli.fail(e.getMessage());
        }
    }

    /** The attachments' bytes, after the graph: every blob the backed-up graph refers to is there by then. */
    private static void backupFiles(Config config, Path dir, PrintStream out) {
        var copied = Backups.copyFiles(config, dir);
        out.printf("Backed up %d files (%d bytes)%n", copied.blobs(), copied.bytes());
    }

    private static OpenGraph openGraph(Config config) {
        try {
            return OpenGraph.open(config);
        } catch (RuntimeException e) {
            if (Cli.locked(e)) {
                Cli.fail("the data directory " + config.dataDir().toAbsolutePath()
                        + " is in use by a running Lore: set LORE_ADMIN_TOKEN to an admin's API token"
                        + " (POST /api/tokens) to back it up through the server");
            }
            throw e;
        }
    }
}
