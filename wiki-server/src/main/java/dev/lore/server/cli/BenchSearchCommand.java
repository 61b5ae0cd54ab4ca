package dev.lore.server.cli;

import dev.lore.server.bench.SearchBenchmark;
import java.io.PrintStream;
import java.util.List;

/** {@code lore bench-search [ARTICLES] [REQUESTS]}: the search benchmark on a synthetic wiki. */
public final class BenchSearchCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) {
        int articles = args.size() > 0 ? Integer.parseInt(args.get(0)) : 100_000;
        int requests = args.size() > 1 ? Integer.parseInt(args.get(1)) : 2_000;
        try {
            SearchBenchmark.run(articles, requests, Cli.measuring(), out);
        } catch (Exception e) {
            throw new IllegalStateException("benchmark failed", e);
        }
    }
}
