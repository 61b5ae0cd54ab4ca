package dev.lore.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.support.TestGraph;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGraph.class)
class SettingsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void aClaimIsGivenToOneClaimerUntilItsLeaseRunsOut(Graph graph) {
        var first = new Settings(graph);
        var second = new Settings(graph); // another server

        assertThat(first.claim("job", T0, Duration.ofMinutes(10))).isTrue();
        assertThat(second.claim("job", T0.plusSeconds(1), Duration.ofMinutes(10)))
                .isFalse();
        assertThat(first.claim("job", T0.plus(Duration.ofMinutes(9)), Duration.ofMinutes(10)))
                .isFalse();

        // the holder died: once its lease ran out the work can be claimed again
        assertThat(second.claim("job", T0.plus(Duration.ofMinutes(11)), Duration.ofMinutes(10)))
                .isTrue();
        assertThat(first.claim("other job", T0, Duration.ofMinutes(10))).isTrue();
    }
}
