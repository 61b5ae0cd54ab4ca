package dev.lore.server.cli;

import dev.lore.server.Config;
import dev.lore.server.Lore;
import dev.lore.server.eval.ExpertEval;
import dev.lore.server.expertise.ExpertService;
import dev.lore.server.gitimport.GitImport;
import dev.lore.server.gitimport.GitImportException;
import dev.lore.server.seed.ConsoleProgress;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code lore eval-experts REPO [--max-commits N] [--verbose] [--sweep]}: expert finding on a Git
 * repository, in a scratch data directory.
 */
public final class EvalExpertsCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) {
        Path repository = null;
        int maxCommits = Integer.MAX_VALUE;
        boolean verbose = false;
        boolean sweep = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--max-commits" -> {
                    if (i + 1 >= args.size() || !args.get(i + 1).matches("[1-9][0-9]*")) {
                        Cli.fail("--max-commits needs a positive number");
                    }
                    maxCommits = Integer.parseInt(args.get(++i));
                }
                case "--verbose", "-v" -> verbose = true;
                case "--sweep" -> sweep = true;
                default -> {
                    if (repository != null) {
                        Cli.fail("eval-experts takes one repository; unexpected: " + args.get(i));
                    }
                    repository = Path.of(args.get(i));
                }
            }
        }
        if (repository == null) {
            Cli.fail("eval-experts needs a Git repository: java -jar lore.jar eval-experts REPO [--max-commits N]");
        }
        try {
            GitImport.requireRepository(repository);
        } catch (GitImportException e) {
            Cli.fail(e.getMessage());
        }
        Path scratch;
        try {
            scratch = Files.createTempDirectory("lore-eval-experts-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Config config = Cli.measuring().withSeed(false).withDataDir(scratch);
        long start = System.nanoTime();
        try (Lore lore = Cli.open(config)) {
            var rankings = sweep ? ExpertEval.sweep() : List.of(ExpertService.Ranking.DEFAULT);
            var results = ExpertEval.run(lore, repository, maxCommits, new ConsoleProgress(out), out, rankings);
            ExpertEval.print(results.getFirst(), repository.toString(), verbose, out);
            if (sweep) {
                ExpertEval.printSweep(rankings, results, out);
            }
        }
        out.printf("%nTook %.1f min (scratch data directory %s)%n", (System.nanoTime() - start) / 6e10, scratch);
    }
}
