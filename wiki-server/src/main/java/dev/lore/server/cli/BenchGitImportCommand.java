package dev.lore.server.cli;

import dev.lore.server.bench.GitImportBenchmark;
import java.io.PrintStream;
import java.util.List;

/** {@code lore bench-git-import [COMMITS] [FILES] [AUTHORS]}: the Git import benchmark. */
public final class BenchGitImportCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) {
        GitImportBenchmark.run(
                args.size() > 0 ? Integer.parseInt(args.get(0)) : 10_000,
                args.size() > 1 ? Integer.parseInt(args.get(1)) : 1_000,
                args.size() > 2 ? Integer.parseInt(args.get(2)) : 50,
                Cli.measuring(),
                out);
    }
}
