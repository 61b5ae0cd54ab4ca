package dev.lore.server.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.Lore;
import dev.lore.server.LoreAccess;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server started with an empty data directory on a graph that already holds articles listens
 * before its index is built and says it is not ready until it has; here the build is the test's
 * explicit catch-up (as {@code lore serve}'s timer does it at once), so the not-ready answer is
 * seen for certain, not by luck of timing.
 */
@ExtendWith(TestLore.class)
class IndexBuiltAfterListeningIT {

    @Test
    void aServerWithAnEmptyIndexAnswersNotReadyUntilItBuiltItFromTheGraph(TestLore.Running a) throws Exception {
        String token = a.person("ana", "Ana Silva", "Data", Role.CONTRIBUTOR);
        String slug = "";
        for (int i = 0; i < 3; i++) {
            var made = a.http()
                    .post(
                            "/api/articles",
                            Map.of("title", "Wombat runbook " + i, "markdown", "wombat " + i, "tags", List.of("ops")),
                            token);
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            slug = made.json().path("slug").asText();
        }
        var config = LoreAccess.sharedGraph(a.lore(), a.lore().config())
                .orElseThrow()
                .withDataDir(Files.createTempDirectory("lore-test-empty-index-"));

        try (Lore fresh = LoreAccess.openIndexingLaterWithoutTimer(config, a.passwords(), a.clock())) {
            fresh.serve();
            var http = Http.at(URI.create("http://localhost:" + LoreAccess.port(fresh)));

            var before = http.get("/api/ready");
            assertThat(before.status()).as(before.body()).isEqualTo(503);
            assertThat(before.json().path("indexedSeq").asLong())
                    .isLessThan(before.json().path("changeSeq").asLong());
            assertThat(before.json().path("reasons").toString()).contains("search index");
            assertThat(http.get("/api/search?q=wombat", token).body()).doesNotContain(slug);

            fresh.sync().catchUp();

            var after = http.get("/api/ready");
            assertThat(after.status()).as(after.body()).isEqualTo(200);
            assertThat(after.json().path("indexedSeq").asLong())
                    .isEqualTo(after.json().path("changeSeq").asLong());
            assertThat(http.get("/api/search?q=wombat", token).body()).contains(slug);
        }
    }
}
