package dev.lore.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** After a start, the server opens its most visited pages itself, so the first reader finds them warm. */
@ExtendWith(TestLore.class)
class WarmUpIT {
    @Test
    void aServingLoreOpensTheHomePageTheNewestArticleAndTheListsOnceAndEachAnswers(TestLore.Running lore) {
        Http http = lore.http();
        String token = http.login("carla.contrib", TestLore.PASSWORD);
        http.post("/api/articles", Map.of("title", "Warm caches", "markdown", "Open pages once."), token);
        var outcomes = new CopyOnWriteArrayList<WarmUp.Outcome>();

        var warming = lore.lore().warmUpInBackground(outcomes::add);

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
}
