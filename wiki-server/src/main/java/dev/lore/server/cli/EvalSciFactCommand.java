package dev.lore.server.cli;

import dev.lore.server.Config;
import dev.lore.server.Lore;
import dev.lore.server.Scratch;
import dev.lore.server.eval.SciFactEval;
import dev.lore.server.search.SearchService;
import dev.lore.server.seed.ConsoleProgress;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code lore eval-scifact DIR}: search ranking on SciFact (BEIR), in a scratch data directory. */
public final class EvalSciFactCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) {
        if (args.isEmpty()) {
            Cli.fail("eval-scifact needs the SciFact folder: java -jar lore.jar eval-scifact DIR");
        }
        Path dir = Path.of(args.getFirst());
        Path scratch = Scratch.create("lore-scifact-");
        Config config = Cli.config().withSeed(false).withDataDir(scratch);
        try (Lore lore = Cli.open(config)) {
            var eval = new SciFactEval(
                    lore.articles(),
                    q -> lore.search()
                            .search(
                                    SearchService.query(q, List.of(), List.of(), List.of(), List.of(), "", "", 1, 100),
                                    Optional.empty())
                            .results()
                            .hits());
            SciFactEval.Result r = eval.run(dir, Lore.ADMIN_ID, new ConsoleProgress(out));
            out.printf(
                    "%n| corpus | docs | queries | nDCG@10 | Recall@100 | import (s) | search (ms/query) |%n"
                            + "|---|---|---|---|---|---|---|%n| SciFact train | %d | %d | %.3f | %.3f | %.1f | %.2f |%n",
                    r.documents(),
                    r.queries(),
                    r.ndcgAt10(),
                    r.recallAt100(),
                    r.importSeconds(),
                    r.searchMillisPerQuery());
        }
    }
}
