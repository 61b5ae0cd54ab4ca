package dev.lore.server.cli;

import dev.lore.server.Config;
import dev.lore.server.Lore;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code lore serve [--demo]}: starts the wiki and loads the seed pack into an empty store in the
 * background; runs until the JVM is stopped, closing Lore from a shutdown hook.
 */
public final class ServeCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) throws InterruptedException {
        boolean demo = false;
        for (String arg : args) {
            if (arg.equals("--demo")) {
                demo = true;
            } else {
                Cli.fail("serve takes only --demo; unexpected: " + arg);
            }
        }
        Config config = Cli.config();
        // the index builds from the graph after the server listens: /api/ready says 503 until it has
        Lore lore = Cli.open(demo ? config.withDemo(true) : config, Lore::openIndexingInBackground);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(Thread.ofPlatform().name("lore-shutdown").unstarted(() -> {
                    lore.close();
                    stopped.countDown();
                }));
        lore.serve();
        lore.seedInBackground(); // /api/ready answers 503 until it is done
        if (config.ops().warmUp()) {
            lore.warmUpInBackground(outcome -> {});
        }
        stopped.await();
    }
}
