package dev.lore.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.Graph;
import dev.lore.graph.TransactionTimer;
import dev.lore.graph.expertise.ExpertiseStore;
import dev.lore.graph.expertise.SkillEvidence;
import dev.lore.graph.person.DeclaredSkill;
import dev.lore.graph.person.Person;
import dev.lore.graph.person.PersonStore;
import dev.lore.server.Config;
import dev.lore.server.LoreAccess;
import dev.lore.server.auth.Role;
import dev.lore.server.person.PersonService;
import dev.lore.server.support.TestLore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The answer to a write to people's expertise describes that write, even when another write lands
 * right after it commits. The writes under test run on a graph connection that, once armed, lets
 * another writer commit the moment this thread's next write transaction has committed: an answer
 * read after the commit would describe the other write; one read in the write's own transaction
 * cannot. The interleaving is forced, never left to timing.
 */
@ExtendWith(TestLore.class)
class HonestExpertiseAnswersIT {
    /** Runs what it was armed with once, on the writing thread, right after its next write commits. */
    private static final class AfterCommit implements TransactionTimer {
        private final ThreadLocal<Runnable> next = new ThreadLocal<>();

        void arm(Runnable otherWriter) {
            next.set(otherWriter);
        }

        @Override
        public void record(Kind kind, long nanos, boolean failed) {
            Runnable other = next.get();
            if (other != null && !failed && (kind == Kind.WRITE || kind == Kind.BATCH)) {
                next.remove();
                other.run();
            }
        }
    }

    private static final AfterCommit AFTER_COMMIT = new AfterCommit();
    private static Graph armed;

    private TestLore.Running lore;
    private ExpertService mine;
    private ExpertService others;

    @BeforeEach
    void setUp(TestLore.Running lore) {
        this.lore = lore;
        synchronized (HonestExpertiseAnswersIT.class) {
            if (armed == null) {
                Config config = LoreAccess.sharedGraph(lore.lore(), lore.lore().config())
                        .orElseGet(lore.lore()::config);
                Graph graph = Graph.connect(
                        config.neo4jUri().orElseThrow(), config.neo4jUser(), config.neo4jPassword(), 1, AFTER_COMMIT);
                Runtime.getRuntime()
                        .addShutdownHook(
                                Thread.ofPlatform().name("armed-graph-close").unstarted(graph::close));
                armed = graph;
            }
        }
        mine = new ExpertService(
                lore.lore().index(),
                new ExpertiseStore(armed),
                new PersonStore(armed),
                lore.lore().sync(),
                lore.clock());
        others = lore.lore().experts();
        lore.person("ana", "Ana Silva", "Data", Role.CONTRIBUTOR);
        lore.person("ben", "Ben Okafor", "Data", Role.CONTRIBUTOR);
    }

    @AfterEach
    void tearDown() {
        mine.close();
    }

    @Test
    void wantsToLearnAnswersWithTheCallersWishes() {
        AFTER_COMMIT.arm(() -> others.setWantsToLearn("ana", List.of("Rust")));

        assertThat(mine.setWantsToLearn("ana", List.of("Kafka"))).containsExactly("Kafka");

        assertThat(others.profile("ana").orElseThrow().wantsToLearn())
                .extracting(s -> s.name())
                .containsExactly("Rust");
    }

    @Test
    void availabilityAnswersWithTheCallersStatus() {
        AFTER_COMMIT.arm(() -> others.setAvailability("ana", "available", Optional.empty()));

        assertThat(mine.setAvailability("ana", "unavailable", Optional.empty()).suggestible())
                .isFalse();

        assertThat(others.profile("ana").orElseThrow().person().suggestible()).isTrue();
    }

    @Test
    void anEndorsementAnswersWithTheEndorsementItMade() {
        AFTER_COMMIT.arm(() -> others.revokeEndorsement("ben", "ana", "Kafka"));

        var endorsed = mine.endorse("ben", "ana", "Kafka");

        assertThat(endorsed.created()).isTrue();
        assertThat(endorsed.endorsements())
                .extracting(e -> e.fromId() + ":" + e.skill())
                .containsExactly("ben:Kafka");
        assertThat(others.profile("ana").orElseThrow().endorsements()).isEmpty();
    }

    @Test
    void declaringSkillsAnswersWithTheCallersSkills() {
        AFTER_COMMIT.arm(() -> others.declareSkills("ana", List.of(new DeclaredSkill("Rust", "learning"))));

        var profile = mine.declareSkills("ana", List.of(new DeclaredSkill("Go", "expert")));

        assertThat(profile.skills()).extracting(SkillEvidence::skillName).containsExactly("Go");
        assertThat(others.profile("ana").orElseThrow().skills())
                .extracting(SkillEvidence::skillName)
                .containsExactly("Rust");
    }

    @Test
    void describingASkillAnswersWithTheCallersDescription() {
        others.describe("Kafka", "");
        AFTER_COMMIT.arm(() -> others.describe("Kafka", "Someone else's words."));

        assertThat(mine.describeExisting("kafka", "A log you can replay.").description())
                .isEqualTo("A log you can replay.");

        assertThat(others.skill("Kafka").orElseThrow().description()).isEqualTo("Someone else's words.");
    }

    @Test
    void aRoleChangeAnswersWithTheCallersRole() {
        var people = new PersonService(
                new PersonStore(armed), lore.passwords(), lore.lore().sync(), lore.clock());
        AFTER_COMMIT.arm(() -> lore.lore().people().setRole("ana", Role.ADMIN, p -> null));

        assertThat(people.setRole("ana", Role.CHAMPION, Person::role)).isEqualTo("champion");

        assertThat(lore.lore().people().get("ana").role()).isEqualTo("admin");
    }

    @Test
    void aNewAccountAnswersWithTheRoleItWasGiven() {
        var people = new PersonService(
                new PersonStore(armed), lore.passwords(), lore.lore().sync(), lore.clock());
        AFTER_COMMIT.arm(() -> lore.lore().people().setRole("dora", Role.ADMIN, p -> null));

        assertThat(people.create(
                        "dora",
                        "Dora Lind",
                        "dora@example.test",
                        "Web",
                        "",
                        Role.CHAMPION,
                        Optional.empty(),
                        Person::role))
                .contains("champion");

        assertThat(lore.lore().people().get("dora").role()).isEqualTo("admin");
    }
}
