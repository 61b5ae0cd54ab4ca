package dev.lore.server.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.TestLore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A second server on the same graph finds what the first one wrote through its own timed poll of
 * the change counter, without committing its index at every poll: the commit has a cadence of its
 * own (here an hour, so none happens during the test).
 */
@ExtendWith(TestLore.class)
class IndexPollIT {
    private static final Duration DEADLINE = Duration.ofMinutes(2);

    @Test
    void aWriteOnOneServerIsFoundOnAnotherByItsPollWithoutACommitPerPoll(TestLore.Running a) throws Exception {
        TestLore.Running b = a.another("polling", c -> c);
        String token = a.person("ana", "Ana Silva", "Data", Role.CONTRIBUTOR);
        b.lore().sync().resetWith(() -> {}); // its index from earlier tests, on a graph wiped since
        b.lore().sync().catchUp();
        b.lore().index().commit();
        long committed = b.lore().index().committedSeq();

        b.lore().sync().startTimer(Duration.ofMillis(20), Duration.ofHours(1));
        try {
            var made = a.http()
                    .post(
                            "/api/articles",
                            Map.of("title", "Narwhal failover", "markdown", "narwhal drill", "tags", List.of("ops")),
                            token);
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            String slug = made.json().path("slug").asText();

            long end = System.nanoTime() + DEADLINE.toNanos();
            while (!b.http().get("/api/search?q=narwhal", token).body().contains(slug)) {
                assertThat(System.nanoTime()).as("b never found the article").isLessThan(end);
                Thread.sleep(20); // a pause between questions to b, not a wait for something to happen
            }
            assertThat(b.lore().index().appliedSeq()).isGreaterThan(committed);
            assertThat(b.lore().index().committedSeq()).isEqualTo(committed);
        } finally {
            b.lore().sync().stopTimer();
        }
    }
}
