package dev.lore.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RememberedTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private final Remembered<String> kept = new Remembered<>(3, Duration.ofMinutes(1));
    private final Remembered.Version v1 = new Remembered.Version(7, 2, 40);

    @Test
    void aValueIsKeptForTheVersionItWasReadAtUntilItsTimeIsUp() {
        kept.put("ana", v1, T0, "Ana");

        assertThat(kept.get("ana", v1, T0.plusSeconds(59))).isEqualTo("Ana");
        assertThat(kept.get("ana", v1, T0.plusSeconds(60))).isNull();
        assertThat(kept.get("bo", v1, T0)).isNull();
    }

    @Test
    void anyChangeToTheIndexOrToEvidenceMakesItStale() {
        kept.put("ana", v1, T0, "Ana");

        assertThat(kept.get("ana", new Remembered.Version(8, 2, 40), T0)).isNull();
        assertThat(kept.get("ana", new Remembered.Version(7, 3, 40), T0)).isNull();
        // another server's write moves the graph's version alone
        assertThat(kept.get("ana", new Remembered.Version(7, 2, 41), T0)).isNull();
        // read again at the new version, it is kept again
        var v2 = new Remembered.Version(8, 3, 41);
        kept.put("ana", v2, T0, "Ana Silva");
        assertThat(kept.get("ana", v2, T0)).isEqualTo("Ana Silva");
    }

    @Test
    void whenFullItStartsAgainEmpty() {
        kept.put("a", v1, T0, "A");
        kept.put("b", v1, T0, "B");
        kept.put("c", v1, T0, "C");
        kept.put("d", v1, T0, "D");

        assertThat(kept.get("a", v1, T0)).isNull();
        assertThat(kept.get("d", v1, T0)).isEqualTo("D");
    }
}
