package dev.lore.server.seed;

import java.io.PrintStream;

/** A one-line progress bar for the command line: {@code [#########.....] 23/44 articles}. */
public final class ConsoleProgress implements Progress {
    private static final int WIDTH = 30;
    private final PrintStream out;

    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void update(int done, int total, String what) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + what);
        if (done >= total) {
            out.println();
        }
        out.flush();
    }
}
