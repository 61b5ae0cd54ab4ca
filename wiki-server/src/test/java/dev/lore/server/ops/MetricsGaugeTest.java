package dev.lore.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetricsGaugeTest {
    @Test
    void aGaugeAndACounterGivenAsLambdasStillReadTheirFiguresAfterTheCollectorRan() {
        var metrics = new Metrics();
        var busy = new AtomicLong(3);
        var turnedAway = new AtomicLong(7);
        // as WebServer registers them: lambdas that nothing but the registry holds
        metrics.gauge("test.busy", "busy now", () -> busy.get());
        metrics.counter("test.turned.away", "turned away", () -> turnedAway.get());

        for (int i = 0; i < 3; i++) {
            System.gc(); // clears weakly held figures, which then read NaN
        }

        assertThat(metrics.scrape()).contains("test_busy 3.0").contains("test_turned_away_total 7.0");
        metrics.close();
    }
}
