package dev.lore.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Merging skill B into A (B becomes an alias of A) leaves one relationship per pair, and nothing is lost. */
@ExtendWith(TestLore.class)
class SkillMergeIT {
    private static final Instant FIRST = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-04-06T09:00:00Z");

    private TestLore.Running lore;
    private Http http;
    private String erin;
    private String dan;
    private String admin;

    @BeforeEach
    void people(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        erin = lore.person("erin", "Erin Lee", "Web", Role.CONTRIBUTOR);
        dan = lore.person("dan", "Dan Ruiz", "Web", Role.CONTRIBUTOR);
        admin = http.login("admin", TestLore.PASSWORD);
    }

    private Http.Response endorse(String skill) {
        return http.post("/api/people/dan/endorsements", Map.of("skill", skill), erin);
    }

    private void merge() {
        var merged = http.post("/api/skills/Kafka%20Streams/aliases", Map.of("alias", "KStreams"), admin);
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    }

    private long count(String cypher) {
        return lore.lore().graph().read(tx -> tx.run(cypher).single().get("n").asLong());
    }

    @Test
    void mergeKeepsTheEarliestOfTwoEndorsementsBySamePersonAndEndorsingAgainWorks() {
        lore.clock().set(FIRST);
        assertThat(endorse("Kafka Streams").status()).isEqualTo(201);
        lore.clock().set(SECOND);
        assertThat(endorse("KStreams").status()).isEqualTo(201);

        merge();

        JsonNode endorsements =
                http.get("/api/people/dan/expertise", erin).json().get("endorsements");
        assertThat(endorsements.size()).as(endorsements.toString()).isEqualTo(1);
        assertThat(endorsements.get(0).get("skill").asText()).isEqualTo("Kafka Streams");
        assertThat(Instant.parse(endorsements.get(0).get("at").asText())).isEqualTo(FIRST);
        for (int i = 0; i < 2; i++) {
            var again = endorse("KStreams");
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().get("created").asBoolean()).isFalse();
        }
        assertThat(http.delete("/api/people/dan/endorsements/kstreams", erin).status())
                .isEqualTo(204);
        assertThat(count("MATCH ()-[e:ENDORSED]->() RETURN count(e) AS n")).isZero();
    }

    @Test
    void endorsingCollapsesDuplicatesLeftByAnEarlierMerge() {
        lore.clock().set(SECOND);
        assertThat(endorse("Kafka").status()).isEqualTo(201);
        lore.lore()
                .graph()
                .write(tx -> tx.run("""
                        MATCH (a:Person {id: 'erin'}), (b:Person {id: 'dan'})
                        CREATE (a)-[:ENDORSED {skill: 'kafka', at: datetime($at)}]->(b)
                        """, Map.of("at", FIRST.toString())).consume());

        var again = endorse("Kafka");

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("created").asBoolean()).isFalse();
        JsonNode endorsements = again.json().get("endorsements");
        assertThat(endorsements.size()).isEqualTo(1);
        assertThat(Instant.parse(endorsements.get(0).get("at").asText())).isEqualTo(FIRST);
    }

    @Test
    void mergeLeavesOneDeclarationWishAndSkillLinkPerPairAndKeepsQuestions() {
        var declared = http.put(
                "/api/people/dan/skills",
                Map.of(
                        "skills",
                        List.of(
                                Map.of("name", "Kafka Streams", "level", "practising"),
                                Map.of("name", "KStreams", "level", "expert"))),
                dan);
        assertThat(declared.status()).as(declared.body()).isEqualTo(200);
        assertThat(http.put(
                                "/api/people/dan/wants-to-learn",
                                Map.of("skills", List.of("Kafka Streams", "KStreams")),
                                dan)
                        .status())
                .isEqualTo(200);
        var article = http.post(
                "/api/articles",
                Map.of("title", "State stores", "markdown", "RocksDB.", "skills", List.of("Kafka Streams", "KStreams")),
                dan);
        assertThat(article.status()).as(article.body()).isEqualTo(201);
        var asked = http.post(
                "/api/questions",
                Map.of("title", "How big may a state store get?", "skills", List.of("KStreams")),
                erin);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);

        merge();

        assertThat(count("MATCH (:Person {id: 'dan'})-[r:HAS_SKILL]->(:Skill) RETURN count(r) AS n"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Person {id: 'dan'})-[r:WANTS_TO_LEARN]->(:Skill) RETURN count(r) AS n"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Article)-[r:ABOUT]->(:Skill) RETURN count(r) AS n"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Person {id: 'dan'})-[r:WROTE_ABOUT]->(:Skill) RETURN count(r) AS n"))
                .isEqualTo(1);
        JsonNode question =
                http.get("/api/questions/" + asked.json().get("id").asText()).json();
        assertThat(question.get("skills").toString()).contains("Kafka Streams");
    }
}
