package dev.lore.graph.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.support.TestGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGraph.class)
class PersonStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private PersonStore store;

    @BeforeEach
    void setUp(Graph graph) {
        store = new PersonStore(graph);
    }

    private static NewPerson person(String id, String hash) {
        return new NewPerson(id, "Ana Silva", id + "@example.test", "Streaming", "Engineer", "contributor", hash, T0);
    }

    @Test
    void createsAPersonOnceAndLeavesATakenIdAlone() {
        assertThat(store.create(person("ana", "hash-1"))).isTrue();
        assertThat(store.create(new NewPerson(
                        "ana", "Someone Else", "else@example.test", "Sales", "Lead", "admin", "hash-2", T0)))
                .isFalse();

        Person ana = store.find("ana").orElseThrow();
        assertThat(ana.name()).isEqualTo("Ana Silva");
        assertThat(ana.role()).isEqualTo("contributor");
        assertThat(ana.active()).isTrue();
        assertThat(ana.joinedAt()).isEqualTo(T0);
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.find("nobody")).isEmpty();
    }

    @Test
    void credentialsAreFoundByIdOrEmailAndOnlyForPeopleWithAPassword() {
        store.create(person("ana", "hash-1"));
        store.create(person("ben", null));

        assertThat(store.credentials("ana")).contains(new PersonStore.Credentials("ana", "hash-1"));
        assertThat(store.credentials("ana@example.test")).contains(new PersonStore.Credentials("ana", "hash-1"));
        assertThat(store.credentials("ben")).isEmpty();

        store.setPasswordHash("ben", "hash-2");
        assertThat(store.credentials("ben")).contains(new PersonStore.Credentials("ben", "hash-2"));
        assertThatThrownBy(() -> store.setPasswordHash("nobody", "x")).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void aRoleChangeIsAChangeTheIndexPicksUp() {
        store.create(person("ana", null));
        long before = store.changesSince(0, 10).getFirst().seq();

        store.setRole("ana", "champion");

        assertThat(store.find("ana").orElseThrow().role()).isEqualTo("champion");
        assertThat(store.changesSince(before, 10))
                .extracting(p -> p.person().id())
                .containsExactly("ana");
        assertThatThrownBy(() -> store.setRole("nobody", "admin")).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void declaringSkillsReplacesTheEarlierDeclarationAndFoldsSpellings() {
        store.create(person("ana", null));
        store.declareSkills("ana", List.of(new DeclaredSkill("Kafka", "expert")), List.of("Go"), T0);

        store.declareSkills(
                "ana",
                List.of(new DeclaredSkill("kafka", "practising"), new DeclaredSkill("Terraform", "learning")),
                List.of(),
                T0.plus(Duration.ofDays(1)));

        assertThat(store.declaredSkills("ana"))
                .extracting(s -> s.name() + ":" + s.level())
                .containsExactlyInAnyOrder("Kafka:practising", "Terraform:learning");
        assertThat(store.changesSince(0, 10).getFirst().skills()).containsExactlyInAnyOrder("Kafka", "Terraform");
    }

    @Test
    void everyWriteMovesTheWriteCount() {
        long before = store.writes();
        store.create(person("ana", null));
        store.setRole("ana", "admin");
        assertThat(store.writes()).isGreaterThanOrEqualTo(before + 2);
    }
}
