package dev.lore.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Passwords;
import dev.lore.server.support.Http;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new store answers at once and loads its seed pack behind; it is ready only when that is done. */
class SeedInBackgroundIT {
    @TempDir
    Path data;

    @Test
    void answersWhileTheSeedPackLoadsAndIsReadyOnlyOnceItHasLoaded() {
        var config =
                new Config(0, data, Optional.empty(), "", "", Optional.of("admin-password"), true, false, 128L << 20);
        try (Lore lore = Lore.open(config, new Passwords(1024, 1))) {
            lore.serve();
            var http = Http.at(URI.create("http://localhost:" + lore.webPort()));

            // the load waits for the index catch-up, which this test holds
            synchronized (lore.sync()) {
                lore.seedInBackground();

                assertThat(http.get("/api/health").status()).isEqualTo(200);
                var loading = http.get("/api/ready");
                assertThat(loading.status()).isEqualTo(503);
                assertThat(loading.json().get("reasons").toString()).contains("loading the seed pack: still running");
            }

            assertThat(lore.seeding().await(Duration.ofMinutes(15)))
                    .as("safety net")
                    .isTrue();
            var ready = http.get("/api/ready");
            assertThat(ready.status()).as(ready.body()).isEqualTo(200);
            assertThat(lore.articles().count()).isGreaterThan(40);
        }
    }
}
