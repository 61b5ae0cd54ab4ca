package dev.lore.graph.expertise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.article.ArticleWrite;
import dev.lore.graph.person.DeclaredSkill;
import dev.lore.graph.person.PersonStore;
import dev.lore.graph.support.People;
import dev.lore.graph.support.TestGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGraph.class)
class ExpertiseStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Strength STRENGTH = new Strength(1.0, 0.5, 0.1, 0.3, 0.05, 1.5, 730);

    private Graph graph;
    private ExpertiseStore store;
    private PersonStore people;

    @BeforeEach
    void setUp(Graph graph) {
        this.graph = graph;
        store = new ExpertiseStore(graph);
        people = new PersonStore(graph);
        People.add(graph, "Streaming", "ana", "ben");
        People.add(graph, "Data", "cleo", "dan");
    }

    private void declare(String id, String skill, String level) {
        people.declareSkills(id, List.of(new DeclaredSkill(skill, level)), List.of(), T0);
    }

    private void write(String author, String title, String skill) {
        new ArticleStore(graph)
                .create(
                        title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
                        new ArticleWrite(
                                title,
                                title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
                                "Three lines about it.\nA second one.\nAnd a third.",
                                List.of(),
                                List.of(skill),
                                Optional.empty(),
                                List.of(),
                                "",
                                author,
                                T0));
    }

    @Test
    void declaredSkillsAreFoundByAnySpellingOfTheirName() {
        declare("ana", "Kubernetes", "expert");

        assertThat(store.skills().findSkill("kubernetes"))
                .map(SkillNames.Skill::name)
                .contains("Kubernetes");
        assertThat(store.skills().findSkill("k8s"))
                .map(SkillNames.Skill::name)
                .contains("Kubernetes"); // built-in alias
        assertThat(store.skills().findSkill("Haskell")).isEmpty();
        assertThat(store.skills().skillVocabulary()).containsKey(SkillNames.key("Kubernetes"));
    }

    @Test
    void anAliasMergesTheSkillStoredUnderItWithItsHoldersAndArticles() {
        declare("ana", "Observability", "expert");
        declare("ben", "O11y", "practising");
        write("cleo", "Tracing basics", "O11y");

        SkillNames.Skill observability = store.skills().addAlias("Observability", "O11y");

        assertThat(observability.name()).isEqualTo("Observability");
        assertThat(store.skills().findSkill("o11y")).contains(observability);
        assertThat(store.skills().skillVocabulary().get(SkillNames.key("O11y"))).isEqualTo(observability);
        assertThat(store.holders().strongest(List.of(observability.key()), 10, true, STRENGTH, T0))
                .extracting(SkillEvidence::personId)
                .containsExactly("cleo", "ana", "ben"); // writing 1 + 0.05, expert 1, practising 0.5
        assertThatThrownBy(() -> store.skills().addAlias("Cobol", "COBOL-85"))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void anEndorsementCountsOnceAndCanBeWithdrawn() {
        declare("ana", "Kafka", "practising");

        assertThat(store.endorsements().endorse("ben", "ana", "Kafka", T0)).isTrue();
        assertThat(store.endorsements().endorse("ben", "ana", "kafka", T0.plus(Duration.ofDays(1))))
                .isFalse();
        assertThat(store.endorsements().endorse("cleo", "ana", "Kafka", T0.plus(Duration.ofDays(2))))
                .isTrue();

        assertThat(store.endorsements().endorsementsOf("ana"))
                .extracting(e -> e.fromId() + " " + e.skill())
                .containsExactly("cleo Kafka", "ben Kafka");
        assertThat(store.endorsements().revokeEndorsement("ben", "ana", "Kafka"))
                .isTrue();
        assertThat(store.endorsements().revokeEndorsement("ben", "ana", "Kafka"))
                .isFalse();
        assertThat(store.endorsements().endorsementsOf("ana"))
                .extracting(e -> e.fromId())
                .containsExactly("cleo");
        assertThatThrownBy(() -> store.endorsements().endorse("nobody", "ana", "Kafka", T0))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void aPersonsEvidenceJoinsTheirLevelEndorsementsAndWriting() {
        declare("ana", "Kafka", "expert");
        store.endorsements().endorse("ben", "ana", "Kafka", T0);
        write("ana", "Kafka consumer groups", "Kafka");
        write("dan", "Terraform state", "Terraform");

        var kafka = store.evidence().evidenceOf("ana").stream()
                .filter(e -> e.skillName().equals("Kafka"))
                .findFirst()
                .orElseThrow();

        assertThat(kafka.level()).contains("expert");
        assertThat(kafka.endorsers()).containsExactly("Ben");
        assertThat(kafka.articles()).isEqualTo(1);
        assertThat(kafka.writtenShare()).isEqualTo(1.0);
        assertThat(kafka.lastWrittenAt()).contains(T0);
        assertThat(store.evidence().evidenceOf("ana"))
                .extracting(e -> e.skillName())
                .containsExactly("Kafka");
        assertThat(store.evidence().evidenceOf(List.of(SkillNames.key("Terraform")), List.of("ana", "dan")))
                .extracting(SkillEvidence::personId)
                .containsExactly("dan");
    }

    @Test
    void theStrongestHoldersComeInTheRankingsOrderAndOnlyAsManyAsAsked() {
        declare("ana", "Kafka", "expert");
        declare("ben", "Kafka", "practising");
        declare("cleo", "Kafka", "learning");
        store.endorsements().endorse("dan", "cleo", "Kafka", T0);
        store.endorsements().endorse("ana", "cleo", "Kafka", T0);
        String kafka = SkillNames.key("Kafka");

        assertThat(store.holders().strongest(List.of(kafka), 10, false, STRENGTH, T0))
                .extracting(SkillEvidence::personId)
                .containsExactly("ana", "cleo", "ben");
        assertThat(store.holders().strongest(List.of(kafka), 1, false, STRENGTH, T0))
                .extracting(SkillEvidence::personId)
                .containsExactly("ana");
        // four years later the declarations have decayed to a quarter, still in the same order
        assertThat(store.holders().strongest(List.of(kafka), 10, false, STRENGTH, T0.plus(Duration.ofDays(1460))))
                .extracting(SkillEvidence::personId)
                .containsExactly("ana", "cleo", "ben");
    }

    @Test
    void unavailablePeopleAreNotSuggestibleUntilTheirLeaveEnds() {
        store.availability().setAvailability("ana", "unavailable", Optional.of(T0.plus(Duration.ofDays(7))), T0);
        store.availability().setAvailability("ben", "inactive", Optional.empty(), T0);

        assertThat(store.availability().person("ana", T0).orElseThrow().suggestible())
                .isFalse();
        assertThat(store.availability()
                        .person("ana", T0.plus(Duration.ofDays(8)))
                        .orElseThrow()
                        .suggestible())
                .isTrue();
        assertThat(store.availability().person("ben", T0).orElseThrow().suggestible())
                .isFalse();
        assertThat(store.availability().person("cleo", T0).orElseThrow().suggestible())
                .isTrue();
        assertThatThrownBy(() -> store.availability().setAvailability("nobody", "available", Optional.empty(), T0))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void evidenceWritesAreCountedSoCachesKnowWhenToReread() {
        long before = store.evidenceWrites();
        store.endorsements().endorse("ben", "ana", "Kafka", T0);
        store.availability().setAvailability("ana", "available", Optional.empty(), T0);
        assertThat(store.evidenceWrites()).isEqualTo(before + 2);
    }
}
