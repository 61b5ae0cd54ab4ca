package dev.lore.server;

import dev.lore.graph.Graph;
import dev.lore.graph.Settings;
import dev.lore.server.auth.Role;
import dev.lore.server.seed.SeedPack;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link Lore#open} does once the components are built and the index caught up: makes sure
 * an admin exists, applies or undoes demo mode, forgets stale sign-in failures, and brings stores
 * from before a feature up to date (each migration runs once, remembered in {@link Settings}).
 */
final class StartUp {
    private static final Logger LOG = LoggerFactory.getLogger(Lore.class);
    /** Set once the per-person, per-skill writing totals exist (stores from before them are rebuilt). */
    private static final String WRITTEN_ABOUT = "expertise.writtenAbout";

    /** Set once every person carries the date of their latest contribution. */
    private static final String LAST_ACTIVE = "expertise.lastActiveAt";

    private final Config config;
    private final Graph graph;
    private final Components components;
    private final Clock clock;

    StartUp(Config config, Graph graph, Components components, Clock clock) {
        this.config = config;
        this.graph = graph;
        this.components = components;
        this.clock = clock;
    }

    void run() {
        secure();
        migrate();
    }

    /** What must hold before the first request: an admin exists, demo mode applied or undone, stale failures gone. */
    void secure() {
        ensureAdmin();
        demoMode();
        forgetOldSignInFailures();
        // rebuilt whole, so they run before any request can write beside them (rare: old stores only)
        if (new Settings(graph).get(WRITTEN_ABOUT).isEmpty()) {
            dev.lore.graph.expertise.WrittenAbout.rebuild(graph);
            new Settings(graph).put(WRITTEN_ABOUT, "1");
        }
        if (new Settings(graph).get(LAST_ACTIVE).isEmpty()) {
            components.experts.backfillLastActive();
            new Settings(graph).put(LAST_ACTIVE, "1");
        }
    }

    /**
     * Brings data from before a feature up to date, one article per step, so it may run while the
     * server answers: saves and these steps each take the article's lock, and each step is idempotent.
     */
    void migrate() {
        HistoryBackfill.runOnce(
                graph, HistoryBackfill.logged("Counting lines added and removed over the whole history"));
        components.extraction.submitWaiting();
        int replayed = components.articleStore.backfillAttribution();
        if (replayed > 0) {
            LOG.info("Attributed the lines of {} articles saved before line attribution", replayed);
        }
    }

    /**
     * Demo mode announces itself; a start without it revokes what a demo handed out (sessions and
     * API tokens issued while the demo password worked).
     */
    private void demoMode() {
        if (config.demo()) {
            LOG.warn(
                    "Demo mode: the seed pack's people sign in with the published password '{}'. Never keep real content in a demo.",
                    SeedPack.DEMO_PASSWORD);
            return;
        }
        int revoked = components.auth.revokeDemoTokens();
        if (revoked > 0) {
            LOG.info("Revoked {} sessions and tokens issued in demo mode", revoked);
        }
    }

    /** Forgets sign-in failures old enough not to count any more, and company sign-ins never finished. */
    private void forgetOldSignInFailures() {
        components.identities.removeExpiredSignIns(clock.instant());
        int removed = components.loginThrottle.removeStale();
        if (removed > 0) {
            LOG.info("Forgot the sign-in failures of {} accounts and addresses", removed);
        }
    }

    void ensureAdmin() {
        if (components.people.find(Lore.ADMIN_ID).isPresent()) {
            return;
        }
        boolean generated = config.adminPassword().isEmpty();
        String password = config.adminPassword()
                .orElseGet(() -> components.tokens.newToken().substring(0, 20));
        components.people.create(
                Lore.ADMIN_ID, "Administrator", "", "", "Lore administrator", Role.ADMIN, Optional.of(password));
        if (generated) {
            LOG.warn(
                    "Created the first admin account. Sign in as '{}' with password '{}' (shown once; set LORE_ADMIN_PASSWORD to choose it)",
                    Lore.ADMIN_ID,
                    password);
        } else {
            LOG.info("Created the first admin account '{}' with the password from LORE_ADMIN_PASSWORD", Lore.ADMIN_ID);
        }
    }

    /**
     * Runs {@link #secure} then {@link #migrate} on the {@code lore-start-up} thread; {@code checked}
     * completes once the checks are done (or failed), before the migrations.
     */
    dev.lore.server.ops.BackgroundLoad inBackground(java.util.concurrent.CompletableFuture<Void> checked) {
        return dev.lore.server.ops.BackgroundLoad.start(
                "start-up checks and migrations", "lore-start-up", stopAsked -> {
                    try {
                        secure();
                        checked.complete(null);
                    } catch (RuntimeException e) {
                        checked.completeExceptionally(e);
                        throw e;
                    }
                    migrate();
                });
    }
}
