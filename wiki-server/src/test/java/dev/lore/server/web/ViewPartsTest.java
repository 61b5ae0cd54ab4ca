package dev.lore.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ViewPartsTest {
    private final AtomicLong version = new AtomicLong(1);
    private final AtomicInteger reads = new AtomicInteger();

    private String read(String value) {
        reads.incrementAndGet();
        return value;
    }

    @Test
    void aPartIsReadOncePerVersion() {
        var parts = ViewParts.at(version::get, 100);

        assertThat(parts.get("a", () -> read("one"))).isEqualTo("one");
        assertThat(parts.get("a", () -> read("two"))).isEqualTo("one");
        assertThat(reads).hasValue(1);

        version.incrementAndGet();
        assertThat(parts.get("a", () -> read("three"))).isEqualTo("three");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFailedReadIsNotKept() {
        var parts = ViewParts.at(version::get, 100);
        assertThatThrownBy(() -> parts.get("a", () -> {
                    throw new IllegalStateException("down");
                }))
                .hasMessage("down");
        assertThat(parts.get("a", () -> read("one"))).isEqualTo("one");
        assertThat(parts.size()).isEqualTo(1);
    }

    @Test
    void staysWithinItsBound() {
        var parts = ViewParts.at(version::get, 10);
        for (int i = 0; i < 1_000; i++) {
            String key = "k" + i;
            parts.get(key, () -> read(key));
            assertThat(parts.size()).isLessThanOrEqualTo(10);
        }
        assertThat(parts.get("k999", () -> read("again"))).isEqualTo("k999");
    }
}
