package dev.lore.server.cli;

import dev.lore.server.bench.FileBenchmark;
import java.io.PrintStream;
import java.util.List;

/** {@code lore bench-files [FILES]}: upload, download and text extraction rates against a plain file copy. */
public final class BenchFilesCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) {
        int files = args.isEmpty() ? 1_000 : Integer.parseInt(args.getFirst());
        try {
            FileBenchmark.run(files, Cli.measuring(), out);
        } catch (Exception e) {
            throw new IllegalStateException("benchmark failed", e);
        }
    }
}
