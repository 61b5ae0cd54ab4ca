package dev.lore.server.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.support.TestLore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Creating many accounts at once, for bulk loads: taken ids left alone, a bad one refuses the whole batch. */
@ExtendWith(TestLore.class)
class PersonBatchIT {
    @Test
    void createsNewAccountsAndLeavesTakenIdsAsTheyAre(TestLore.Running lore) {
        var people = lore.lore().people();

        int created = people.createBatch(List.of(
                new PersonService.NewAccount("w1", "Watcher One", "", "Team 1", "Engineer", Role.READER),
                new PersonService.NewAccount("w2", "Watcher Two", "", "Team 2", "Engineer", Role.READER),
                new PersonService.NewAccount("carla.contrib", "Someone Else", "", "", "", Role.ADMIN)));

        assertThat(created).isEqualTo(2);
        assertThat(people.find("w2").orElseThrow().name()).isEqualTo("Watcher Two");
        assertThat(people.find("carla.contrib").orElseThrow().name()).isNotEqualTo("Someone Else");
    }

    @Test
    void aBadIdRefusesTheWholeBatch(TestLore.Running lore) {
        var people = lore.lore().people();

        assertThatThrownBy(() -> people.createBatch(List.of(
                        new PersonService.NewAccount("w3", "Fine", "", "", "", Role.READER),
                        new PersonService.NewAccount("Not An Id", "Bad", "", "", "", Role.READER))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Not An Id");
        assertThat(people.find("w3")).isEmpty();
    }
}
