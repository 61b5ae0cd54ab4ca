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

    public static int port(Lore lore) {
        return lore.webPort();
    }

    /** {@code config} pointed at {@code lore}'s embedded database, if it runs one. */
    public static java.util.Optional<Config> sharedGraph(Lore lore, Config config) {
        return lore.sharedGraph(config);
    }

    public static void ensureAdmin(Lore lore) {
        lore.ensureAdminForTests();
    }
}
