package dev.lore.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Scratch data directories for benchmarks and evaluations: created under the system temp folder
 * and deleted when the JVM exits (a 100,000-article run leaves gigabytes otherwise). Set
 * {@code LORE_KEEP_SCRATCH=true} to keep them for inspection.
 */
public final class Scratch {
    private Scratch() {}

    public static Path create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            if (!"true".equalsIgnoreCase(System.getenv("LORE_KEEP_SCRATCH"))) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "lore-scratch-cleanup"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory", e);
        }
    }

    /** Deletes a directory tree, ignoring what cannot be deleted. */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a scratch file still open elsewhere stays behind
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
