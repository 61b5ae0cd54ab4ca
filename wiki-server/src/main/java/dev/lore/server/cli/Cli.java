package dev.lore.server.cli;

import dev.lore.graph.GraphUnavailableException;
import dev.lore.server.Config;
import dev.lore.server.Lore;

/** What the subcommands share: the configuration, opening Lore, and failing with a message. */
final class Cli {
    private Cli() {}

    static Config config() {
        return Config.fromEnvironment(System.getenv());
    }

    /**
     * The settings for a benchmark or an evaluation on scratch data: as {@link #config()}, but
     * lexical unless {@code LORE_SEMANTIC} is set, so a measurement of writes, imports or experts
     * does not also embed everything it writes.
     */
    static Config measuring() {
        Config config = config();
        return System.getenv("LORE_SEMANTIC") == null ? config.withSemantic(false) : config;
    }

    /** Lore opened on {@code config}, or exit code 2 when the database cannot be reached or is in use. */
    static Lore open(Config config) {
        return open(config, Lore::open);
    }

    /** As {@link #open(Config)}, with {@code opener} opening it. */
    static Lore open(Config config, java.util.function.Function<Config, Lore> opener) {
        try {
            return opener.apply(config);
        } catch (GraphUnavailableException e) {
            fail(e.getMessage()); // the driver is closed: nothing else keeps the JVM alive
            throw e;
        } catch (RuntimeException e) {
            if (locked(e)) {
                fail("the data directory " + config.dataDir().toAbsolutePath()
                        + " is in use by a running Lore; stop it first (or point LORE_NEO4J_URI at a server)");
            }
            throw e;
        }
    }

    /** Whether {@code e} says the embedded database's files are locked by another process. */
    static boolean locked(RuntimeException e) {
        return causes(e, "FileLockException") || String.valueOf(e.getMessage()).contains("lock");
    }

    private static boolean causes(Throwable e, String simpleName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    /** Prints {@code lore: message} to standard error and exits with code 2. */
    static void fail(String message) {
        System.err.println("lore: " + message);
        System.exit(2);
    }
}
