package dev.lore.server.cli;

import dev.lore.server.Config;
import dev.lore.server.Lore;
import dev.lore.server.eval.ExpertEval;
import dev.lore.server.eval.ExpertEvalReport;
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
 * {@code lore eval-experts REPO... [--max-commits N] [--verbose] [--sweep]}: expert finding on one
 * or more Git repositories, each imported into its own scratch data directory, and with several
 * the macro average over them.
 */
public final class EvalExpertsCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) {
        var repositories = new java.util.ArrayList<Path>();
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
                    if (args.get(i).startsWith("-")) {
                        Cli.fail("eval-experts does not know " + args.get(i));
                    }
                    repositories.add(Path.of(args.get(i)));
                }
            }
        }
        if (repositories.isEmpty()) {
            Cli.fail("eval-experts needs a Git repository: java -jar lore.jar eval-experts REPO... [--max-commits N]");
        }
        for (Path repository : repositories) {
            try {
                GitImport.requireRepository(repository);
            } catch (GitImportException e) {
                Cli.fail(e.getMessage());
            }
        }
        long start = System.nanoTime();
        var rankings = sweep ? ExpertEval.sweep() : List.of(ExpertService.Ranking.DEFAULT);
        var all = new java.util.ArrayList<List<ExpertEval.Result>>();
        for (Path repository : repositories) {
            Path scratch;
            try {
                scratch = Files.createTempDirectory("lore-eval-experts-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Config config = Cli.measuring().withSeed(false).withDataDir(scratch);
            try (Lore lore = Cli.open(config)) {
                var results = ExpertEval.run(lore, repository, maxCommits, new ConsoleProgress(out), out, rankings);
                ExpertEvalReport.print(results.getFirst(), repository.toString(), verbose, out);
                all.add(results);
            }
            out.printf("(scratch data directory %s)%n", scratch);
        }
        if (all.size() > 1) {
            ExpertEvalReport.printMacro(all.stream().map(List::getFirst).toList(), out);
        }
        if (sweep) {
            ExpertEvalReport.printSweep(rankings, all, out);
        }
        out.printf("%nTook %.1f min%n", (System.nanoTime() - start) / 6e10);
    }
}
