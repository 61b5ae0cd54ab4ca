package dev.lore.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.person.DeclaredSkill;
import dev.lore.server.auth.Role;
import dev.lore.server.support.TestLore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every write through {@link ExpertService} is seen by the next expert search at once: the
 * service drops what it remembers itself, with no caller to remind it and no wait for the index
 * (the test server moves its index only when asked).
 */
@ExtendWith(TestLore.class)
class ExpertWritesIT {
    private ExpertService experts;

    @BeforeEach
    void people(TestLore.Running lore) {
        experts = lore.lore().experts();
        lore.person("ana", "Ana Silva", "Data", Role.CONTRIBUTOR);
        lore.person("ben", "Ben Okafor", "Data", Role.CONTRIBUTOR);
        lore.person("cleo", "Cleo Park", "Web", Role.CONTRIBUTOR);
    }

    private List<String> expertsOn(String topic) {
        return experts.experts(topic, 10, false, Set.of()).stream()
                .map(e -> e.person().id())
                .toList();
    }

    @Test
    void anEndorsementForANewSkillMakesAnExpertAtOnce() {
        assertThat(expertsOn("Elixir")).isEmpty(); // the skills known and the holders read are kept now

        experts.endorse("ben", "ana", "Elixir");

        assertThat(expertsOn("Elixir")).containsExactly("ana");
        assertThat(experts.matchSkills("elixir")).containsKey("elixir");
    }

    @Test
    void moreEndorsementsReorderTheExpertsAtOnce() {
        experts.endorse("cleo", "ana", "Kafka");
        assertThat(expertsOn("Kafka")).containsExactly("ana");

        experts.endorse("ana", "ben", "Kafka");
        experts.endorse("cleo", "ben", "Kafka");

        assertThat(expertsOn("Kafka")).containsExactly("ben", "ana");
        assertThat(experts.revokeEndorsement("cleo", "ben", "Kafka")).isTrue();
        assertThat(experts.revokeEndorsement("ana", "ben", "Kafka")).isTrue();
        assertThat(expertsOn("Kafka")).containsExactly("ana");
    }

    @Test
    void anAliasFindsTheSkillsExpertsAtOnce() {
        experts.endorse("ben", "ana", "Zephyr RTOS");
        assertThat(expertsOn("zephyros")).isEmpty();

        experts.addAlias("Zephyr RTOS", "ZephyrOS");

        assertThat(expertsOn("zephyros")).containsExactly("ana");
    }

    @Test
    void declaredSkillsAndAvailabilityAreSeenAtOnce() {
        assertThat(expertsOn("Haskell")).isEmpty();

        experts.declareSkills("cleo", List.of(new DeclaredSkill("Haskell", "expert")));
        assertThat(expertsOn("Haskell")).containsExactly("cleo");

        experts.setAvailability("cleo", "unavailable", Optional.empty());
        assertThat(expertsOn("Haskell")).isEmpty();
        experts.setAvailability("cleo", "available", Optional.empty());
        assertThat(expertsOn("Haskell")).containsExactly("cleo");
    }
}
