package dev.lore.server.cli;

import dev.lore.server.Lore;
import dev.lore.server.search.EmbeddingWait;
import dev.lore.server.seed.ConsoleProgress;
import java.io.PrintStream;
import java.util.List;

/** {@code lore reindex}: rebuilds the search index from the graph. */
public final class ReindexCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) {
        try (Lore lore = Cli.open(Cli.config().withSeed(false))) {
            out.printf("Reindexed %d changes%n", lore.sync().rebuild());
            EmbeddingWait.await(lore.index(), new ConsoleProgress(out)); // closing would drop what waits
            lore.index().commit();
        }
    }
}
