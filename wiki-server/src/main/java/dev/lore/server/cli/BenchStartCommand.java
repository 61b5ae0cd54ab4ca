package dev.lore.server.cli;

import dev.lore.server.bench.StartBenchmark;
import java.io.PrintStream;
import java.util.List;

/** {@code lore bench-start [VIEWS]}: the start benchmark (VIEWS warm views of each page, default 50). */
public final class BenchStartCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) throws InterruptedException {
        try {
            StartBenchmark.run(args.isEmpty() ? 50 : Integer.parseInt(args.get(0)), out);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            Cli.fail("the start benchmark failed: " + e.getMessage());
        }
    }
}
