package dev.lore.server.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.person.DeclaredSkill;
import dev.lore.server.auth.Role;
import dev.lore.server.expertise.Evidence;
import dev.lore.server.expertise.ExpertService;
import dev.lore.server.support.TestLore;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What one server remembers is dropped when another server sharing the graph writes, at its next
 * read: not when a time-out passes, and not when its own index happens to catch up. The second
 * server here has no index timer and its index is never caught up, and the clock stands still, so
 * only the graph's version can tell it something changed.
 */
@ExtendWith(TestLore.class)
class CachesAcrossServersIT {
    private TestLore.Running a;
    private TestLore.Running b;

    @BeforeEach
    void setUp(TestLore.Running lore) {
        a = lore;
        b = lore.another("replica", c -> c);
    }

    @Test
    void anEndorsementRevokedOnOneServerLeavesTheExpertsOfTheOtherAtOnce() {
        a.person("ana", "Ana Silva", "Data", Role.CONTRIBUTOR);
        a.person("ben", "Ben Okafor", "Data", Role.CONTRIBUTOR);
        a.person("cleo", "Cleo Park", "Data", Role.CONTRIBUTOR);
        a.lore().experts().declareSkills("ana", List.of(new DeclaredSkill("Kafka", "expert")));
        a.lore().experts().declareSkills("ben", List.of(new DeclaredSkill("Kafka", "expert")));
        a.lore().experts().endorse("cleo", "ana", "Kafka");
        assertThat(endorsersOf(b.lore().experts(), "ana")).isEqualTo(1); // b remembers this

        a.lore().experts().revokeEndorsement("cleo", "ana", "Kafka");

        assertThat(endorsersOf(b.lore().experts(), "ana")).isZero();
        assertThat(endorsersOf(a.lore().experts(), "ana")).isZero();
    }

    @Test
    void aSkillCreatedOnOneServerIsMatchedOnTheOtherAtOnce() {
        a.person("ana", "Ana Silva", "Data", Role.CONTRIBUTOR);
        assertThat(b.lore().experts().matchSkills("Zig")).isEmpty(); // b remembers its vocabulary

        a.lore().experts().declareSkills("ana", List.of(new DeclaredSkill("Zig", "expert")));

        assertThat(b.lore().experts().matchSkills("Zig")).isNotEmpty();
    }

    @Test
    void aSessionEndedOnOneServerIsRefusedByTheOtherAtOnce() {
        String token = a.person("ana", "Ana Silva", "Data", Role.CONTRIBUTOR);
        assertThat(b.http().get("/api/me", token).status()).isEqualTo(200); // b remembers the token

        assertThat(a.http().post("/api/logout", "", token).status()).isLessThan(300);

        assertThat(b.http().get("/api/me", token).status()).isEqualTo(401);
    }

    private static int endorsersOf(ExpertService experts, String personId) {
        return experts.experts("Kafka", 10, true, Set.of()).stream()
                .filter(e -> e.person().id().equals(personId))
                .flatMap(e -> e.evidence().stream())
                .filter(Evidence.Endorsement.class::isInstance)
                .mapToInt(e -> ((Evidence.Endorsement) e).endorsers())
                .sum();
    }
}
