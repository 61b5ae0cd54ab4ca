package dev.lore.server.cli;

import dev.lore.server.Lore;
import dev.lore.server.seed.ConsoleProgress;
import dev.lore.server.seed.Export;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code lore export [DIR]}: every article's current text as a seed pack (default {@code ./export}). */
public final class ExportCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) {
        Path dir = Path.of(args.isEmpty() ? "export" : args.getFirst());
        try (Lore lore = Cli.open(Cli.config().withSeed(false))) {
            int n = new Export(
                            lore.articles(),
                            lore.people(),
                            lore.collections().all(),
                            java.util.Optional.of(lore.attachments()))
                    .withTree(new dev.lore.server.article.PageTreeService(
                            new dev.lore.graph.article.PageTree(lore.graph())))
                    .exportTo(dir, new ConsoleProgress(out));
            out.printf(
                    "Exported %d articles to %s (their current text; for everything, use backup)%n",
                    n, dir.toAbsolutePath());
        }
    }
}
