package dev.lore.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.article.ArticleWrite;
import dev.lore.server.Lore;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What operators read: metrics, readiness next to liveness, and request ids in answers and logs. */
@ExtendWith(TestLore.class)
class OpsIT {
    @Test
    void metricsCountRequestsByRouteTemplateAndShowTheGraphTheIndexAndTheJvm(TestLore.Running lore) {
        Http http = lore.http();
        String token = http.login("carla.contrib", TestLore.PASSWORD);
        http.post("/api/articles", Map.of("title", "Blue green deploys", "markdown", "Switch the router."), token);
        http.get("/api/articles/blue-green-deploys");
        http.get("/api/articles/no-such-page");
        http.get("/api/search?q=router");

        var scrape = http.get("/metrics");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(scrape.body())
                .contains(
                        "lore_http_requests_seconds_count{method=\"GET\",route=\"/api/articles/{slug}\",status=\"200\"}")
                .contains(
                        "lore_http_requests_seconds_count{method=\"GET\",route=\"/api/articles/{slug}\",status=\"404\"}")
                .contains("lore_http_requests_seconds_bucket{method=\"POST\",route=\"/api/articles\",status=\"201\"")
                .doesNotContain("route=\"/api/articles/blue-green-deploys\"")
                .contains("lore_neo4j_transactions_seconds_count{kind=\"write\",outcome=\"ok\"}")
                .contains("lore_neo4j_transactions_seconds_count{kind=\"read\",outcome=\"ok\"}")
                .contains("lore_index_lag ")
                .contains("lore_index_applied_seq ")
                .contains("lore_background_queue{queue=\"search-log\"}")
                .contains("lore_background_queue{queue=\"reads-and-suggestions\"}")
                .contains("lore_http_uploads_active ")
                .contains("lore_http_threads{state=\"busy\"}")
                .contains("jvm_memory_used_bytes")
                .contains("jvm_threads_live_threads")
                .contains("process_uptime_seconds");
    }

    @Test
    void readinessWaitsForTheIndexWhileLivenessOnlySaysTheProcessIsUp(TestLore.Running lore) {
        Http http = lore.http();
        var ready = http.get("/api/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("ready");
        assertThat(ready.json().get("reasons")).isEmpty();
        assertThat(ready.json().get("graph").asText()).isEqualTo("up");
        assertThat(ready.json().get("indexLag").asLong()).isZero();

        // a write behind the services' back: the test server has no index timer, so the index stays
        // where it is until the test catches it up
        new ArticleStore(lore.lore().graph())
                .create(
                        "canary-releases",
                        new ArticleWrite(
                                "Canary releases",
                                "canary-releases",
                                "Route one percent of traffic first.",
                                List.of(),
                                List.of(),
                                Optional.empty(),
                                List.of(),
                                "direct",
                                Lore.ADMIN_ID,
                                Instant.now()));

        var behind = http.get("/api/ready");
        assertThat(behind.status()).isEqualTo(503);
        assertThat(behind.json().get("status").asText()).isEqualTo("not_ready");
        assertThat(behind.json().get("indexLag").asLong()).isEqualTo(1);
        assertThat(behind.json().get("reasons").get(0).asText()).isEqualTo("search index: 1 change behind the graph");
        assertThat(http.get("/api/health").status()).as("liveness").isEqualTo(200);
        lore.lore().sync().catchUp();
        assertThat(http.get("/api/ready").status()).isEqualTo(200);
    }

    @Test
    void everyAnswerCarriesARequestIdThatErrorAnswersQuote(TestLore.Running lore) {
        Http http = lore.http();
        var plain = http.get("/api/health");
        assertThat(plain.header("X-Request-Id").orElseThrow()).matches("[0-9a-f]{16}");
        assertThat(http.get("/api/health").header("X-Request-Id")).isNotEqualTo(plain.header("X-Request-Id"));

        var error = http.send("GET", "/api/articles/no-such-page", null, null, Map.of("X-Request-Id", "trace-42"));
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.header("X-Request-Id")).contains("trace-42");
        assertThat(error.json().get("requestId").asText()).isEqualTo("trace-42");

        var insane = http.send("GET", "/api/health", null, null, Map.of("X-Request-Id", "<script>alert(1)</script>"));
        assertThat(insane.header("X-Request-Id").orElseThrow()).matches("[0-9a-f]{16}");
    }
}
