package dev.lore.server.cli;

import dev.lore.server.bench.IndexBuildBenchmark;
import dev.lore.server.bench.ScaleBenchmark;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code lore bench-scale [SERVERS] [REQUESTS] [CLIENTS] [ARTICLES]}: several Lore servers on one
 * database, each tier a process of its own (default 2 servers, 2000 requests per run, 8 clients,
 * 200 articles), against the one-server yardstick ({@link ScaleBenchmark}). {@code lore bench-scale
 * build [ARTICLES]}: a fresh server's index build from the graph alone ({@link IndexBuildBenchmark},
 * default 2000 articles).
 */
public final class BenchScaleCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) throws InterruptedException {
        if (!args.isEmpty() && args.getFirst().equals("build")) {
            int articles = args.size() > 1 ? Integer.parseInt(args.get(1)) : 2_000;
            if (articles < 1) {
                Cli.fail("bench-scale build takes a positive number of articles");
            }
            try {
                IndexBuildBenchmark.run(articles, Cli.measuring(), out);
            } catch (java.io.IOException e) {
                Cli.fail("bench-scale build failed: " + e.getMessage());
            }
            return;
        }
        int servers = args.size() > 0 ? Integer.parseInt(args.get(0)) : 2;
        int requests = args.size() > 1 ? Integer.parseInt(args.get(1)) : 2_000;
        int clients = args.size() > 2 ? Integer.parseInt(args.get(2)) : 8;
        int articles = args.size() > 3 ? Integer.parseInt(args.get(3)) : 200;
        if (servers < 1 || requests < 1 || clients < 1 || articles < 1) {
            Cli.fail("bench-scale takes positive numbers: SERVERS REQUESTS CLIENTS ARTICLES");
        }
        try {
            ScaleBenchmark.run(servers, requests, clients, articles, out);
        } catch (java.io.IOException e) {
            Cli.fail("bench-scale could not start its processes: " + e.getMessage());
        }
    }
}
