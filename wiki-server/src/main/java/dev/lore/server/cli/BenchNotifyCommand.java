package dev.lore.server.cli;

import dev.lore.server.bench.NotifyBenchmark;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lore bench-notify [EDITS] [DELIVERIES] [WATCHERS...]}: the notification benchmark (default
 * 200 edits, 2000 webhook deliveries, 100 watchers; give more watcher counts, such as {@code 100
 * 10000}, for more rows).
 */
public final class BenchNotifyCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) {
        int edits = args.size() > 0 ? Integer.parseInt(args.get(0)) : 200;
        int deliveries = args.size() > 1 ? Integer.parseInt(args.get(1)) : 2_000;
        var watchers = new ArrayList<Integer>();
        for (int i = 2; i < args.size(); i++) {
            watchers.add(Integer.parseInt(args.get(i)));
        }
        if (watchers.isEmpty()) {
            watchers.add(100);
        }
        NotifyBenchmark.run(edits, watchers.stream().sorted().toList(), deliveries, Cli.measuring(), out);
    }
}
