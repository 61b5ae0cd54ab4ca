package dev.lore.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.LoreAccess;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After a start, the server opens its most visited pages itself, anonymously and as signed-in
 * people, so the first reader finds them warm; readiness waits for it, and it writes nothing.
 */
@ExtendWith(TestLore.class)
class WarmUpIT {
    /** No limit a loaded machine could reach: what warming opens must not depend on how fast it is. */
    private static final Duration NO_LIMIT = Duration.ofHours(1);

    private static final BackgroundLoad NOTHING = BackgroundLoad.none("nothing");

    @Test
    void aServingLoreOpensTheHomePageTheNewestArticleAndTheListsOnceAndEachAnswers(TestLore.Running lore) {
        Http http = lore.http();
        String token = http.login("carla.contrib", TestLore.PASSWORD);
        http.post("/api/articles", Map.of("title", "Warm caches", "markdown", "Open pages once."), token);
        var outcomes = new CopyOnWriteArrayList<WarmUp.Outcome>();

        var warming = LoreAccess.warmUp(lore.lore(), NOTHING, NO_LIMIT, outcomes::add);

        assertThat(warming.await(Duration.ofMinutes(5))).as("warm-up ended").isTrue();
        assertThat(warming.problem()).isEmpty();
        assertThat(outcomes).hasSize(1);
        var statuses = outcomes.get(0).statuses();
        assertThat(statuses).containsEntry("/", 200).containsEntry("/wiki/warm-caches", 200);
        assertThat(statuses).containsKeys("/questions", "/paths", "/experts", "/people");
        assertThat(statuses.values())
                .as("no page failed or went unanswered")
                .allSatisfy(status -> assertThat(status).isBetween(200, 499));
        assertThat(http.get("/metrics").body())
                .contains("lore_http_requests_seconds_count{method=\"GET\",route=\"/wiki/{slug}\",status=\"200\"}");
    }

    @Test
    void warmingOpensTheSignedInPagesAsRealPeopleWithoutWritingAnything(TestLore.Running lore) {
        Http http = lore.http();
        String token = http.login("carla.contrib", TestLore.PASSWORD);
        http.post("/api/articles", Map.of("title", "Warm caches", "markdown", "Open pages once."), token);
        lore.settle();
        var before = Written.now(lore);
        var outcomes = new CopyOnWriteArrayList<WarmUp.Outcome>();

        var warming = LoreAccess.warmUp(lore.lore(), NOTHING, NO_LIMIT, outcomes::add);

        assertThat(warming.await(Duration.ofMinutes(5))).as("warm-up ended").isTrue();
        lore.settle(); // reads and searches a request queued are written now, if there were any
        var signedIn = outcomes.get(0).signedIn();
        // the impact report is for champions and admins: a 200 means the page ran for a signed-in admin
        assertThat(signedIn)
                .containsEntry("admin /", 200)
                .containsEntry("admin /wiki/warm-caches", 200)
                .containsEntry("admin /people/carla.contrib", 200)
                .containsEntry("admin /impact", 200)
                .containsEntry("carla.contrib /", 200)
                .containsEntry("carla.contrib /people/carla.contrib", 200);
        assertThat(outcomes.get(0).rounds()).isEqualTo(WarmUp.SIGNED_IN_ROUNDS);
        assertThat(outcomes.get(0).cut()).isFalse();
        assertThat(Written.now(lore)).as("nothing written by warming").isEqualTo(before);
        assertThat(http.get("/impact").status())
                .as("without the warm-up's pass, the same request is anonymous")
                .isNotEqualTo(200);
    }

    @Test
    void readinessSays503UntilWarmingEndsWhileHealthAnswers(TestLore.Running lore) {
        Http http = lore.http();
        var release = new CountDownLatch(1);
        var gate = BackgroundLoad.start("a test's gate", "test-warm-gate", stopAsked -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        var warming = LoreAccess.warmUp(lore.lore(), gate, NO_LIMIT, outcome -> {});

        var held = http.get("/api/ready");
        assertThat(held.status()).isEqualTo(503);
        assertThat(held.json().get("reasons").toString()).contains("warming up the most visited pages: still running");
        assertThat(http.get("/api/health").status())
                .as("liveness does not wait for warming")
                .isEqualTo(200);
        release.countDown();
        assertThat(warming.await(Duration.ofMinutes(5))).as("warm-up ended").isTrue();
        assertThat(http.get("/api/ready").status()).isEqualTo(200);
    }

    @Test
    void warmingStopsAtItsLimitAndThenNoLongerHoldsReadinessBack(TestLore.Running lore) {
        var outcomes = new CopyOnWriteArrayList<WarmUp.Outcome>();

        var warming = LoreAccess.warmUp(lore.lore(), NOTHING, Duration.ZERO, outcomes::add);

        assertThat(warming.await(Duration.ofMinutes(5))).as("warm-up ended").isTrue();
        assertThat(warming.problem()).isEmpty();
        assertThat(outcomes.get(0).cut()).isTrue();
        assertThat(outcomes.get(0).statuses()).isEmpty();
        assertThat(outcomes.get(0).rounds()).isZero();
        assertThat(lore.http().get("/api/ready").status()).isEqualTo(200);
    }

    @Test
    void aMadeUpWarmUpPassSignsNobodyIn(TestLore.Running lore) {
        var answer = lore.http().send("GET", "/impact", null, null, Map.of(WarmPass.HEADER, "0".repeat(64)));

        assertThat(answer.status()).isNotEqualTo(200);
    }

    /** What the graph holds that a page view could change: committed writes, the change counter, logs, sessions. */
    private record Written(long writeTransactions, long changeSeq, long searches, long reads, int sessions) {
        private static final Pattern WRITES = Pattern.compile(
                "lore_neo4j_transactions_seconds_count\\{kind=\"write\",outcome=\"ok\",?\\} ([0-9.E+]+)");

        static Written now(TestLore.Running lore) {
            var m = WRITES.matcher(lore.http().get("/metrics").body());
            assertThat(m.find()).as("the write transaction count in /metrics").isTrue();
            return new Written(
                    (long) Double.parseDouble(m.group(1)),
                    lore.http().get("/api/ready").json().get("changeSeq").asLong(),
                    count(lore, "MATCH (s:SearchEvent) RETURN count(s) AS n"),
                    count(lore, "MATCH ()-[r:READ]->() RETURN count(r) AS n"),
                    List.of("admin", "carla.contrib").stream()
                            .mapToInt(id -> lore.lore().auth().tokensOf(id).size())
                            .sum());
        }

        private static long count(TestLore.Running lore, String cypher) {
            return lore.lore()
                    .graph()
                    .read(tx -> tx.run(cypher).single().get("n").asLong());
        }
    }
}
