package dev.lore.server.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.Settings;
import dev.lore.server.support.TestLore;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several servers started together on one empty store load the seed pack once: the load is claimed
 * in the graph, and a server that finds it claimed by another leaves it to that one.
 */
@ExtendWith(TestLore.class)
class SeedLoadedOnceIT {

    @Test
    void aServerFindingTheSeedPackClaimedByAnotherLoadsNothing(TestLore.Running a) {
        var b = a.another("seeding", c -> c.withSeed(true));
        // another server claimed the load an instant ago and is loading it
        assertThat(new Settings(a.lore().graph())
                        .claim("seed.loading", a.clock().instant(), Duration.ofMinutes(30)))
                .isTrue();

        b.lore().seedIfEmpty((done, total, what) -> {});

        assertThat(b.lore().articles().count()).isZero();
    }
}
