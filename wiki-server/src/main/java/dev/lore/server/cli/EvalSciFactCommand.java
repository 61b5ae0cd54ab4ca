package dev.lore.server.cli;

import dev.lore.indexer.Ranking;
import dev.lore.indexer.SearchHit;
import dev.lore.indexer.SearchRequest;
import dev.lore.server.Config;
import dev.lore.server.Lore;
import dev.lore.server.Scratch;
import dev.lore.server.eval.SciFactEval;
import dev.lore.server.search.EmbeddingWait;
import dev.lore.server.search.SearchService;
import dev.lore.server.seed.ConsoleProgress;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code lore eval-scifact DIR}: search ranking on SciFact (BEIR), in a scratch data directory. With
 * the embedding model on (the default), it prints lexical, semantic alone and both fusions, and the
 * embedding throughput; with {@code LORE_SEMANTIC=false}, the lexical row alone.
 */
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
            Function<String, List<SearchHit>> served = q -> lore.search()
                    .search(
                            SearchService.query(q, List.of(), List.of(), List.of(), List.of(), "", "", 1, 100),
                            Optional.empty())
                    .results()
                    .hits();
            var eval = new SciFactEval(lore.articles(), served);
            var progress = new ConsoleProgress(out);
            SciFactEval.Imported imported = eval.importCorpus(dir, Lore.ADMIN_ID, progress);
            long start = System.nanoTime();
            EmbeddingWait.await(lore.index(), progress);
            double embedSeconds = (System.nanoTime() - start) / 1e9;
            out.printf("%n| ranking | docs | queries | nDCG@10 | Recall@100 | import (s) | search (ms/query) |%n"
                    + "|---|---|---|---|---|---|---|%n");
            row(out, "served (" + lore.index().defaultRanking() + ")", eval.measure(dir, imported, served));
            if (lore.index().semantic()) {
                for (Ranking ranking : Ranking.values()) {
                    row(
                            out,
                            ranking.name(),
                            eval.measure(
                                    dir,
                                    imported,
                                    q -> lore.index()
                                            .search(new SearchRequest(q, 0, 100), ranking)
                                            .hits()));
                }
                out.printf(
                        "%nEmbedding after the import: %.1f s, %d passages (%.0f passages/s)%n",
                        embedSeconds,
                        lore.index().passagesEmbedded(),
                        lore.index().passagesEmbedded() / Math.max(embedSeconds, 1e-9));
            }
        }
    }

    private static void row(PrintStream out, String name, SciFactEval.Result r) {
        out.printf(
                "| %s | %d | %d | %.3f | %.3f | %.1f | %.2f |%n",
                name,
                r.documents(),
                r.queries(),
                r.ndcgAt10(),
                r.recallAt100(),
                r.importSeconds(),
                r.searchMillisPerQuery());
    }
}
