package dev.lore.server.cli;

import dev.lore.server.bench.ExpertBenchmark;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code lore bench-experts [PEOPLE] [SKILLS] [ARTICLES] [REQUESTS] [--data DIR]}: the expertise
 * benchmark on a synthetic organisation; {@code --data DIR} keeps the organisation there and reuses
 * it on the next run.
 */
public final class BenchExpertsCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) {
        var positional = new ArrayList<String>();
        Optional<Path> data = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--data") && i + 1 < args.size()) {
                data = Optional.of(Path.of(args.get(++i)));
            } else {
                positional.add(args.get(i));
            }
        }
        int people = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 10_000;
        int skills = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 2_000;
        int articles = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 100_000;
        int requests = positional.size() > 3 ? Integer.parseInt(positional.get(3)) : 1_000;
        try {
            ExpertBenchmark.run(people, skills, articles, requests, Cli.measuring(), out, data);
        } catch (Exception e) {
            throw new IllegalStateException("benchmark failed", e);
        }
    }
}
