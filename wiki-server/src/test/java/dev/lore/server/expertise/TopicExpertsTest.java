package dev.lore.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.expertise.PersonInfo;
import dev.lore.server.expertise.ExpertService.Expert;
import dev.lore.server.support.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TopicExpertsTest {
    private final TestClock clock = new TestClock();
    private final AtomicReference<Remembered.Version> version = new AtomicReference<>(new Remembered.Version(1, 0, 5));
    /** The rankings asked for, as topic|limit; the ranking itself is four people in this order. */
    private final List<String> rankings = new ArrayList<>();

    private final TopicExperts experts = new TopicExperts(
            version::get,
            (topic, limit) -> {
                rankings.add(topic + "|" + limit);
                return List.of(expert("ana"), expert("bo"), expert("cy"), expert("di"))
                        .subList(0, Math.min(4, limit));
            },
            clock);

    private static Expert expert(String id) {
        var person = new PersonInfo(
                id, id, "Team", "Engineer", true, true, Optional.<Instant>empty(), id + "@example.test", "", "");
        return new Expert(person, 1, List.of(), "");
    }

    private List<String> ask(String topic, Set<String> exclude) {
        return experts.ask(topic, 2, exclude).stream().map(e -> e.person().id()).toList();
    }

    @Test
    void ranksATopicOnceWhileNothingChanges() {
        assertThat(ask("kafka", Set.of())).containsExactly("ana", "bo");
        assertThat(ask("kafka", Set.of())).containsExactly("ana", "bo");
        assertThat(ask("postgres", Set.of())).containsExactly("ana", "bo");

        assertThat(rankings).containsExactly("kafka|2", "postgres|2");
    }

    @Test
    void ranksAgainAfterAChangeOrOnceItsTimeIsUp() {
        ask("kafka", Set.of());
        version.set(new Remembered.Version(1, 0, 6)); // any server's write
        ask("kafka", Set.of());
        clock.set(clock.instant().plus(EvidenceCache.PEOPLE_TTL)); // a leave may have ended
        ask("kafka", Set.of());

        assertThat(rankings).containsExactly("kafka|2", "kafka|2", "kafka|2");
    }

    @Test
    void leavesTheReaderOutAsARankingWithoutThemWould() {
        assertThat(ask("kafka", Set.of("ana"))).containsExactly("bo", "cy");
        assertThat(ask("kafka", Set.of("cy"))).containsExactly("ana", "bo");
        assertThat(ask("kafka", Set.of())).containsExactly("ana", "bo");
    }
}
