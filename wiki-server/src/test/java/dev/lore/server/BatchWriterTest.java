package dev.lore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BatchWriterTest {
    private static final Duration PATIENCE = Duration.ofMinutes(1);

    @Test
    void flushReturnsOnceEverythingAddedBeforeItIsWritten() {
        var written = Collections.synchronizedList(new ArrayList<Integer>());
        try (var writer = new BatchWriter<Integer>("numbers", "test-numbers", written::addAll, 7, 1_000)) {
            for (int i = 0; i < 100; i++) {
                writer.add(i);
            }
            writer.flush(PATIENCE);
            assertThat(written).hasSize(100);
        }
    }

    @Test
    void flushSaysSoWhenTheWritesDoNotFinishInTime() throws Exception {
        var release = new CountDownLatch(1);
        var started = new CountDownLatch(1);
        try (var writer = new BatchWriter<String>(
                "blocked",
                "test-blocked",
                batch -> {
                    started.countDown();
                    await(release);
                },
                10,
                1_000)) {
            writer.add("stuck");
            started.await();

            // the write cannot finish until released, however fast or slow the machine is
            assertThatThrownBy(() -> writer.flush(Duration.ofMillis(20)))
                    .isInstanceOf(BatchWriter.NotWrittenException.class)
                    .hasMessageContaining("blocked: 1 still waiting to be written");

            release.countDown();
            writer.flush(PATIENCE);
        }
    }

    @Test
    void aFailedWriteIsLoggedAndFlushStillReturns() {
        var written = Collections.synchronizedList(new ArrayList<String>());
        try (var writer = new BatchWriter<String>(
                "failing",
                "test-failing",
                batch -> {
                    if (batch.contains("bad")) {
                        throw new IllegalStateException("cannot write " + batch);
                    }
                    written.addAll(batch);
                },
                1,
                1_000)) {
            writer.add("bad");
            writer.add("good");
            writer.flush(PATIENCE);
            assertThat(written).containsExactly("good");
        }
    }

    @Test
    void flushAfterCloseReturnsAtOnce() {
        var written = Collections.synchronizedList(new ArrayList<String>());
        var writer = new BatchWriter<String>("closed", "test-closed", written::addAll, 10, 1_000);
        writer.add("before");
        writer.close();
        writer.flush(Duration.ZERO);
        assertThat(written).containsExactly("before");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
