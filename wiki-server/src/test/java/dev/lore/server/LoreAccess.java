package dev.lore.server;

import dev.lore.server.auth.Passwords;

/** Test access to Lore's package-private wiring: cheap password hashing, the bound port. */
public final class LoreAccess {
    private LoreAccess() {}

    public static Lore open(Config config, Passwords passwords) {
        return Lore.open(config, passwords);
    }

    public static Lore open(Config config, Passwords passwords, java.time.Clock clock) {
        return Lore.open(config, passwords, clock);
    }

    /** Without the timed index catch-up: the index moves on writes and explicit catch-ups only. */
    public static Lore openWithoutIndexTimer(Config config, Passwords passwords, java.time.Clock clock) {
        return Lore.open(config, passwords, clock, false);
    }

    /**
     * As {@code lore serve} opens it (the index not caught up at open) but without the timed
     * catch-up: the index stays as it was until the test catches it up.
     */
    public static Lore openIndexingLaterWithoutTimer(Config config, Passwords passwords, java.time.Clock clock) {
        return Lore.open(config, passwords, clock, false, false);
    }

    public static int port(Lore lore) {
        return lore.webPort();
    }

    public static java.util.List<dev.lore.server.web.WebServer.Route> routes(Lore lore) {
        return lore.webServer().routes();
    }

    /** {@code config} pointed at {@code lore}'s embedded database, if it runs one. */
    public static java.util.Optional<Config> sharedGraph(Lore lore, Config config) {
        return lore.sharedGraph(config);
    }

    public static void ensureAdmin(Lore lore) {
        lore.ensureAdminForTests();
    }

    /** Starts the warm-up, which waits for {@code gate} to end before it opens anything, then up to {@code limit}. */
    public static dev.lore.server.ops.BackgroundLoad warmUp(
            Lore lore,
            dev.lore.server.ops.BackgroundLoad gate,
            java.time.Duration limit,
            java.util.function.Consumer<dev.lore.server.ops.WarmUp.Outcome> outcome) {
        return lore.warmUpInBackground(outcome, gate, limit);
    }
}
