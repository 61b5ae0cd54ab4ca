package dev.lore.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class PreparedTest {
    @Test
    void handsOverWhatWasMade() {
        var prepared = Prepared.inBackground("test-prepared", () -> "made");
        assertThat(prepared.get()).isEqualTo("made");
        assertThat(prepared.awaitQuietly()).contains("made");
    }

    @Test
    void aFailureIsThrownAsItWasOnEveryGetAndAwaitedQuietlyAsNothing() {
        var failure = new IllegalArgumentException("no index here");
        Prepared<String> prepared = Prepared.inBackground("test-prepared", () -> {
            throw failure;
        });
        assertThatThrownBy(prepared::get).isSameAs(failure);
        assertThatThrownBy(prepared::get).isSameAs(failure);
        assertThat(prepared.awaitQuietly()).isEmpty();
    }

    @Test
    void aCheckedFailureIsWrapped() {
        Prepared<String> prepared = Prepared.inBackground("test-prepared", () -> {
            throw new IOException("disk");
        });
        assertThatThrownBy(prepared::get)
                .isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void awaitingQuietlyKeepsTheInterruptFlag() {
        var prepared = Prepared.inBackground("test-prepared", () -> "made");
        Thread.currentThread().interrupt();
        try {
            assertThat(prepared.awaitQuietly()).contains("made");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
