package dev.lore.server.cli;

import dev.lore.server.bench.SemanticBenchmark;
import java.io.PrintStream;
import java.util.List;

/** {@code lore bench-semantic [ARTICLES] [REQUESTS]}: the cost of search by meaning, in the index. */
public final class BenchSemanticCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) {
        int articles = args.size() > 0 ? Integer.parseInt(args.get(0)) : 10_000;
        int requests = args.size() > 1 ? Integer.parseInt(args.get(1)) : 1_000;
        try {
            SemanticBenchmark.run(articles, requests, out);
        } catch (Exception e) {
            throw new IllegalStateException("benchmark failed", e);
        }
    }
}
