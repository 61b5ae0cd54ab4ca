package dev.lore.server.bench;

import dev.lore.graph.gitimport.GitImportStore;
import dev.lore.server.Config;
import dev.lore.server.Lore;
import dev.lore.server.gitimport.GitImport;
import dev.lore.server.gitimport.GitImportResult;
import dev.lore.server.seed.ConsoleProgress;
import dev.lore.server.seed.Progress;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The Git import benchmark: generates a synthetic docs repository ({@link SyntheticGitRepository})
 * in a scratch directory, imports it into a fresh Lore there, imports it again (nothing new), and
 * prints one table. Not a test: it asserts nothing.
 */
public final class GitImportBenchmark {
    private GitImportBenchmark() {}

    public static void run(int commits, int files, int authors, Config base, PrintStream out) {
        Path scratch = dev.lore.server.Scratch.create("lore-bench-git-");
        Path repository = scratch.resolve("docs.git");
        long generateStart = System.nanoTime();
        var stats = SyntheticGitRepository.generate(repository, commits, files, authors, 42);
        double generateSeconds = seconds(generateStart);
        out.printf("Generated %s in %.1f s: %s%n", repository, generateSeconds, stats);

        // The yardstick, measured in the same run: walking the history and reading every file version.
        GitImport.readHistory(repository); // warm-up
        long readStart = System.nanoTime();
        long readCpuStart = processCpuNanos();
        int versions = GitImport.readHistory(repository);
        double readSeconds = seconds(readStart);
        double readCpu = (processCpuNanos() - readCpuStart) / 1e9;

        Config config = base.withSeed(false).withDataDir(scratch.resolve("data"));
        try (Lore lore = Lore.open(config)) {
            var importer = GitImport.builder(
                            lore.articles(), lore.people(), new GitImportStore(lore.graph()), Clock.systemUTC())
                    .build();
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            GitImportResult result = importer.importRepository(repository, new ConsoleProgress(out));
            double importSeconds = seconds(start);
            double importCpu = (processCpuNanos() - cpuStart) / 1e9;
            long againStart = System.nanoTime();
            GitImportResult again = importer.importRepository(repository, Progress.NONE);
            double againSeconds = seconds(againStart);
            out.println(result.summary());
            out.printf(
                    "%n| commits | Markdown files | author identities | revisions | articles | people | import (s)"
                            + " | import CPU (s) | commits/s | revisions/s | re-run, nothing new (s) |%n"
                            + "|---|---|---|---|---|---|---|---|---|---|---|%n"
                            + "| %d | %d | %d | %d | %d | %d | %.1f | %.1f | %.0f | %.0f | %.1f |%n",
                    result.commits(),
                    stats.filesAdded(),
                    stats.identities(),
                    result.revisions(),
                    result.created(),
                    result.people(),
                    importSeconds,
                    importCpu,
                    result.commits() / importSeconds,
                    result.revisions() / importSeconds,
                    againSeconds);
            out.printf(
                    "%n| yardstick: JGit walk and read of %d file versions (s) | CPU (s) | import / yardstick |%n"
                            + "|---|---|---|%n| %.1f | %.1f | %.1fx |%n",
                    versions, readSeconds, readCpu, importSeconds / readSeconds);
            if (again.commits() != 0) {
                out.println("Unexpected: the re-run imported " + again.commits() + " commits");
            }
        }
    }

    /** CPU time of this process (Lore, its embedded Neo4j and the benchmark), all threads. */
    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
