package dev.lore.server.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One subcommand of {@code lore}: it reads its own arguments (those after its name), reports to
 * {@code out}, and ends the JVM with exit code 2 and a one-line message on standard error when the
 * arguments or the data directory do not allow it to run ({@link Cli#fail}).
 */
public interface Command {
    void run(List<String> args, PrintStream out) throws InterruptedException;
}
