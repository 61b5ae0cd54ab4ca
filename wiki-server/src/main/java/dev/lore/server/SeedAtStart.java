package dev.lore.server;

import dev.lore.graph.Graph;
import dev.lore.graph.Settings;
import dev.lore.server.ops.BackgroundLoad;
import dev.lore.server.seed.Progress;
import dev.lore.server.seed.SeedPack;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the bundled seed pack once, into a store that has no articles yet: in the caller's thread,
 * or in the background while the server already answers (and reports not ready). Of several servers
 * starting on one empty store, the one that claims the load does it.
 */
final class SeedAtStart {
    private static final Logger LOG = LoggerFactory.getLogger(SeedAtStart.class);
    private static final String SEEDED = "seed.loaded";
    private static final String SEEDING = "seed.loading";
    private static final Duration SEED_LEASE = Duration.ofMinutes(30);

    private final Config config;
    private final Graph graph;
    private final Components components;
    private final Clock clock;

    SeedAtStart(Config config, Graph graph, Components components, Clock clock) {
        this.config = config;
        this.graph = graph;
        this.components = components;
        this.clock = clock;
    }

    /** Whether the seed pack is wanted and not loaded yet, into a store without articles. */
    boolean needed() {
        return config.seed() && new Settings(graph).get(SEEDED).isEmpty() && components.articles.count() == 0;
    }

    /** Loads the pack now, if it is needed and this server claims the load. */
    void loadIfEmpty(Progress progress) {
        if (!needed() || !new Settings(graph).claim(SEEDING, clock.instant(), SEED_LEASE)) {
            return;
        }
        LOG.info("Empty store: loading the bundled seed pack");
        SeedPack.load(components.importer, Lore.ADMIN_ID, progress);
        new Settings(graph).put(SEEDED, clock.instant().toString());
    }

    /**
     * Loads the pack on the {@code lore-seed} thread once {@code migrations} have ended (the pack's
     * writes come after the migrations, which read the store as it was). Closing the returned load
     * stops it between batches.
     */
    BackgroundLoad inBackground(BackgroundLoad migrations) {
        return BackgroundLoad.start("loading the seed pack", "lore-seed", stopAsked -> {
            while (!migrations.await(Duration.ofSeconds(1))) {
                if (stopAsked.getAsBoolean()) {
                    throw new CancellationException("Lore is stopping");
                }
            }
            loadIfEmpty((done, total, what) -> {
                if (stopAsked.getAsBoolean()) {
                    throw new CancellationException("Lore is stopping");
                }
            });
            components.sync.catchUp(); // what the pack changed outside article and people writes (skills)
        });
    }
}
