package dev.lore.server.cli;

import dev.lore.server.Config;
import dev.lore.server.Lore;
import dev.lore.server.backup.BackupException;
import dev.lore.server.backup.Restore;
import dev.lore.server.seed.ConsoleProgress;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lore restore DIR [--force]}: rebuilds the graph from a backup folder into an empty target
 * ({@code --force}: whatever it holds), then the search index.
 */
public final class RestoreCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) {
        var rest = new ArrayList<>(args);
        boolean force = rest.remove("--force");
        if (rest.size() != 1) {
            Cli.fail("restore needs a backup folder: java -jar lore.jar restore DIR [--force]");
        }
        restore(Path.of(rest.getFirst()), force, out);
    }

    private static void restore(Path dir, boolean force, PrintStream out) {
        Config config = Cli.config().withSeed(false);
        Restore.Restored restored;
        try {
            restored = Restore.run(dir, config, force, new ConsoleProgress(out));
        } catch (BackupException e) {
            Cli.fail(e.getMessage());
            return;
        } catch (RuntimeException e) {
            if (Cli.locked(e)) {
                Cli.fail("the data directory " + config.dataDir().toAbsolutePath()
                        + " is in use by a running Lore; stop it first");
            }
            throw e;
        }
        var files = Restore.files(dir, config);
        out.printf("Restored %d files (%d bytes)%n", files.blobs(), files.bytes());
        out.println("Rebuilding the search index from the graph");
        try (Lore lore = Cli.open(config)) {
            out.printf(
                    "Restored %d nodes and %d relationships (change %d, backed up at %s by Lore %s);"
                            + " search index rebuilt: %d documents%n",
                    restored.nodes(),
                    restored.relationships(),
                    restored.header().changeSeq(),
                    restored.header().createdAt(),
                    restored.header().lore(),
                    lore.index().docCount());
        }
    }
}
