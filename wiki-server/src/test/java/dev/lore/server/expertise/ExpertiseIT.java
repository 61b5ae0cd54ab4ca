package dev.lore.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.graph.person.DeclaredSkill;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import dev.lore.server.support.TestPeople;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestLore.class)
class ExpertiseIT {
    private Http http;
    private TestLore.Running lore;
    private TestPeople people;

    @BeforeEach
    void people(TestLore.Running running, Http http) {
        this.lore = running;
        this.http = http;
        people = new TestPeople(running, http);
        person("ana", "Ana Silva", "Streaming");
        person("ben", "Ben Okafor", "Streaming");
        person("cleo", "Cleo Park", "Data");
        person("dan", "Dan Ruiz", "Web");
        person("erin", "Erin Lee", "Web");
    }

    private void person(String id, String name, String team) {
        people.add(id, name, team, Role.CONTRIBUTOR);
    }

    private int edit(String who, String slug, String markdown) {
        JsonNode current = http.get("/api/articles/" + slug).json();
        var body = new HashMap<String, Object>();
        body.put("title", current.get("title").asText());
        body.put("markdown", markdown);
        body.put("baseRevision", current.get("revision").asInt());
        var r = http.put("/api/articles/" + slug, body, people.token(who));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("revision").asInt();
    }

    private Map<String, Double> shares(String slug) {
        var out = new HashMap<String, Double>();
        http.get("/api/articles/" + slug)
                .json()
                .get("contributors")
                .forEach(c -> out.put(c.get("id").asText(), c.get("share").asDouble()));
        return out;
    }

    private static final String FOUR_LINES = """
            Consumers in a group share the partitions of a topic.
            Each partition is read by exactly one consumer of the group.
            Offsets are committed after processing, never before.
            A rebalance pauses consumption while partitions move.""";

    private static final String FOUR_MORE = """
            Static membership avoids rebalances on rolling restarts.
            Cooperative rebalancing moves only the partitions that must move.
            Lag per partition tells you which consumer is slow.
            Dead letter topics keep poison messages out of the way.""";

    @Test
    void sharesFollowTheLinesEachPersonWroteAcrossEditsAndReverts() {
        String slug = people.article("ana", "Kafka consumer groups", FOUR_LINES, List.of("Kafka"));
        assertThat(shares(slug)).containsEntry("ana", 1.0);

        edit("ben", slug, FOUR_LINES + "\n\n" + FOUR_MORE);
        assertThat(shares(slug)).containsEntry("ana", 0.5).containsEntry("ben", 0.5);

        int vandalised = edit("dan", slug, "Just restart everything until it works.");
        assertThat(shares(slug))
                .containsEntry("dan", 1.0)
                .containsEntry("ana", 0.0)
                .containsEntry("ben", 0.0);

        var restore = http.post(
                "/api/articles/" + slug + "/revisions/" + (vandalised - 1) + "/restore",
                Map.of(),
                people.token("erin"));
        assertThat(restore.status()).as(restore.body()).isIn(200, 201);
        assertThat(shares(slug))
                .containsEntry("ana", 0.5)
                .containsEntry("ben", 0.5)
                .containsEntry("dan", 0.0)
                .containsEntry("erin", 0.0);

        JsonNode profile = http.get("/api/people/ana", people.token("ana")).json();
        assertThat(profile.get("contributions").get(0).get("share").asDouble()).isEqualTo(0.5);
        assertThat(profile.get("skills").get(0).get("name").asText()).isEqualTo("Kafka");
        assertThat(profile.get("skills").get(0).get("inferred").asBoolean()).isTrue();
    }

    @Test
    void expertsForAFreeTextTopicAreRankedByWhatTheyWroteWithEvidence() {
        String kafka = people.article("ana", "Kafka consumer groups", FOUR_LINES + "\n" + FOUR_MORE, List.of("Kafka"));
        edit("ben", kafka, FOUR_LINES + "\n" + FOUR_MORE + "\nBen adds one line about consumer offsets.");
        people.article(
                "cleo",
                "Postgres vacuum",
                "Autovacuum reclaims dead tuples.\nTune it per table.",
                List.of("PostgreSQL"));

        JsonNode found = http.get("/api/experts?topic=" + Http.enc("how do consumer groups rebalance partitions"))
                .json();
        JsonNode experts = found.get("experts");
        assertThat(experts.size()).isEqualTo(2);
        assertThat(experts.get(0).get("person").get("id").asText()).isEqualTo("ana");
        assertThat(experts.get(1).get("person").get("id").asText()).isEqualTo("ben");
        assertThat(experts.get(0).get("score").asDouble())
                .isGreaterThan(experts.get(1).get("score").asDouble());
        JsonNode evidence = experts.get(0).get("evidence").get(0);
        assertThat(evidence.get("kind").asText()).isEqualTo("article");
        assertThat(evidence.get("slug").asText()).isEqualTo(kafka);
        assertThat(evidence.get("share").asDouble()).isGreaterThan(0.8);
        assertThat(experts.get(0).get("explanation").asText())
                .startsWith("Wrote 89% of 'Kafka consumer groups'")
                .contains("last active today");
        assertThat(experts.get(0).get("person").get("team").asText()).isEqualTo("Streaming");
    }

    @Test
    void aContributorBeyondAPopularSkillsStrongestHoldersStillBringsTheirSkillEvidence() {
        String slug = popularZookeeperWithAnaWritingAboutIt();

        JsonNode experts =
                http.get("/api/experts?limit=10&topic=zookeeper").json().get("experts");

        assertThat(experts.get(0).get("person").get("id").asText()).isEqualTo("ana");
        var kinds = new ArrayList<String>();
        experts.get(0)
                .get("evidence")
                .forEach(e -> kinds.add(e.get("kind").asText() + ":"
                        + (e.has("slug") && !e.get("slug").isNull()
                                ? e.get("slug").asText()
                                : e.get("skill").asText())));
        assertThat(kinds).containsExactlyInAnyOrder("article:" + slug, "skill:Zookeeper");
        // the holders read came with their declarations too
        assertThat(experts.get(1).get("evidence").get(0).get("kind").asText()).isEqualTo("skill");
    }

    @Test
    void whatExpertFindingKeepsOfPeopleAndTheirSkillsFollowsEveryChange() {
        String slug = popularZookeeperWithAnaWritingAboutIt();
        assertThat(kindsOfTheZookeeperExpert("ana")).containsExactlyInAnyOrder("article", "skill");

        // an endorsement is there on the next ask
        var endorse = http.post("/api/people/ana/endorsements", Map.of("skill", "Zookeeper"), people.token("erin"));
        assertThat(endorse.status()).as(endorse.body()).isEqualTo(201);
        assertThat(kindsOfTheZookeeperExpert("ana")).containsExactlyInAnyOrder("article", "skill", "endorsement");

        // so is a lower level, and a new edit's date
        double practising = skillWeight("ana");
        declare("ana", "Zookeeper", "learning");
        assertThat(skillWeight("ana")).isLessThan(practising);
        var later = java.time.Instant.now()
                .plus(java.time.Duration.ofHours(5))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        lore.clock().set(later);
        edit("ana", slug, "Restore a Zookeeper quorum after losing two nodes.\n\nThen check the leader.");
        JsonNode ana =
                find(http.get("/api/experts?limit=10&topic=zookeeper").json().get("experts"), "ana");
        assertThat(ana.get("person").get("lastActive").asText()).isEqualTo(later.toString());

        // and leave: Ana is no longer suggested at once
        var away = http.put("/api/people/ana/availability", Map.of("status", "unavailable"), people.token("ana"));
        assertThat(away.status()).as(away.body()).isEqualTo(200);
        assertThat(http.get("/api/experts?limit=10&topic=zookeeper")
                        .json()
                        .get("experts")
                        .findValuesAsText("id"))
                .doesNotContain("ana")
                .isNotEmpty();
    }

    /**
     * More holders of Zookeeper than expert finding reads of a skill, every one of them stronger
     * than Ana, who declares it and writes an article about it; the article's slug.
     */
    private String popularZookeeperWithAnaWritingAboutIt() {
        var people = lore.lore().people();
        for (int i = 0; i < ExpertRanking.SKILL_HOLDERS + 5; i++) {
            String id = "holder-" + i;
            people.create(
                    id, "Holder " + i, id + "@example.test", "Ops", "Engineer", Role.CONTRIBUTOR, Optional.empty());
            people.declareSkills(id, List.of(new DeclaredSkill("Zookeeper", "expert")), List.of());
        }
        declare("ana", "Zookeeper", "practising");
        return this.people.article(
                "ana",
                "Zookeeper quorum recovery",
                "Restore a Zookeeper quorum after losing two nodes.",
                List.of("Zookeeper"));
    }

    private double skillWeight(String id) {
        JsonNode expert =
                find(http.get("/api/experts?limit=10&topic=zookeeper").json().get("experts"), id);
        for (JsonNode e : expert.get("evidence")) {
            if (e.get("kind").asText().equals("skill")) {
                return e.get("weight").asDouble();
            }
        }
        throw new AssertionError(id + " has no skill evidence: " + expert);
    }

    private List<String> kindsOfTheZookeeperExpert(String id) {
        JsonNode expert =
                find(http.get("/api/experts?limit=10&topic=zookeeper").json().get("experts"), id);
        assertThat(expert).as(id + " is found").isNotNull();
        var kinds = new ArrayList<String>();
        expert.get("evidence").forEach(e -> kinds.add(e.get("kind").asText()));
        return kinds;
    }

    @Test
    void lastActiveIsTheLatestContributionAndIsRebuiltForStoresFromBeforeIt() {
        lore.clock().set(java.time.Instant.parse("2026-03-02T09:00:00Z"));
        String slug = people.article("ana", "Kafka consumer groups", FOUR_LINES, List.of("Kafka"));
        lore.clock().set(java.time.Instant.parse("2026-03-16T09:00:00Z"));
        edit("ana", slug, FOUR_LINES + "\n" + FOUR_MORE);
        lore.clock().set(java.time.Instant.parse("2026-03-30T09:00:00Z"));
        assertThat(lastActiveOfTheKafkaExpert().asText()).isEqualTo("2026-03-16T09:00:00Z");

        // a store written before Lore kept the date on the person
        lore.lore()
                .graph()
                .write(tx -> tx.run("MATCH (p:Person) REMOVE p.lastActiveAt").consume());
        // a write from outside Lore's stores is seen once what expert finding keeps of people expires
        lore.clock().set(java.time.Instant.parse("2026-03-30T09:00:00Z").plus(EvidenceCache.PEOPLE_TTL));
        assertThat(lastActiveOfTheKafkaExpert().isNull()).isTrue();
        assertThat(lore.lore().experts().backfillLastActive()).isEqualTo(1);
        assertThat(lastActiveOfTheKafkaExpert().asText()).isEqualTo("2026-03-16T09:00:00Z");
        assertThat(lore.lore().experts().backfillLastActive()).isZero();
    }

    private JsonNode lastActiveOfTheKafkaExpert() {
        return http.get("/api/experts?topic=kafka")
                .json()
                .get("experts")
                .get(0)
                .get("person")
                .get("lastActive");
    }

    @Test
    void declaredSkillsAndEndorsementsCountAndFollowTheRules() {
        var declare = http.put(
                "/api/people/dan/skills",
                Map.of("skills", List.of(Map.of("name", "kafka", "level", "expert"))),
                people.token("dan"));
        assertThat(declare.status()).as(declare.body()).isEqualTo(200);
        people.article("ana", "Kafka consumer groups", FOUR_LINES, List.of("Kafka"));

        var first = http.post("/api/people/dan/endorsements", Map.of("skill", "Kafka"), people.token("erin"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        var again = http.post("/api/people/dan/endorsements", Map.of("skill", "KAFKA"), people.token("erin"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("created").asBoolean()).isFalse();
        assertThat(again.json().get("endorsements").size()).isEqualTo(1);
        assertThat(http.post("/api/people/dan/endorsements", Map.of("skill", "Kafka"), people.token("cleo"))
                        .status())
                .isEqualTo(201);

        var self = http.post("/api/people/dan/endorsements", Map.of("skill", "Kafka"), people.token("dan"));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().get("detail").asText()).contains("cannot endorse yourself");
        assertThat(http.post("/api/people/nobody/endorsements", Map.of("skill", "Kafka"), people.token("dan"))
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/api/people/dan/endorsements", Map.of("skill", " "), people.token("erin"))
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/api/people/dan/endorsements", Map.of("skill", "Kafka"), null)
                        .status())
                .isEqualTo(401);

        JsonNode experts = http.get("/api/experts?topic=kafka").json().get("experts");
        JsonNode dan = find(experts, "dan");
        assertThat(dan).isNotNull();
        assertThat(dan.get("explanation").asText())
                .startsWith("Lists Kafka as a skill")
                .contains("endorsed for Kafka by 2 colleagues");
        double before = dan.get("score").asDouble();

        assertThat(http.delete("/api/people/dan/endorsements/kafka", people.token("erin"))
                        .status())
                .isEqualTo(204);
        assertThat(http.delete("/api/people/dan/endorsements/kafka", people.token("erin"))
                        .status())
                .isEqualTo(404);
        JsonNode after = find(http.get("/api/experts?topic=kafka").json().get("experts"), "dan");
        assertThat(after.get("score").asDouble()).isLessThan(before);
        assertThat(after.get("explanation").asText()).contains("by 1 colleague");
    }

    @Test
    void skillNamesAreNormalisedAndAliasesMerge() {
        people.article("ana", "Running Kubernetes", "Pods, deployments and services.", List.of("k8s"));
        people.article("ben", "Kubernetes upgrades", "Drain nodes one at a time.", List.of("Kubernetes"));
        JsonNode skill = http.get("/api/skills/K8S").json();
        assertThat(skill.get("name").asText()).isEqualTo("Kubernetes");
        assertThat(skill.get("articles").size()).isEqualTo(2);

        people.article("cleo", "Stream joins", "Windowed joins in Kafka Streams.", List.of("Kafka Streams"));
        people.article("dan", "KStreams state stores", "RocksDB backs state stores.", List.of("KStreams"));
        assertThat(http.get("/api/skills/kstreams").json().get("name").asText()).isEqualTo("KStreams");

        var forbidden =
                http.post("/api/skills/Kafka%20Streams/aliases", Map.of("alias", "KStreams"), people.token("ana"));
        assertThat(forbidden.status()).isEqualTo(403);
        String admin = http.login("admin", lore.lore().config().adminPassword().orElse(TestLore.PASSWORD));
        var merged = http.post("/api/skills/Kafka%20Streams/aliases", Map.of("alias", "KStreams"), admin);
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);

        JsonNode streams = http.get("/api/skills/kstreams").json();
        assertThat(streams.get("name").asText()).isEqualTo("Kafka Streams");
        assertThat(streams.get("aliases").toString()).contains("kstream");
        assertThat(streams.get("articles").size()).isEqualTo(2);
        var later = people.article("erin", "More KStreams", "Interactive queries.", List.of("kstreams"));
        assertThat(http.get("/api/articles/" + later).json().get("skills").toString())
                .contains("Kafka Streams");
        assertThat(http.get("/api/skills/no-such-skill").status()).isEqualTo(404);
    }

    @Test
    void unavailableAndInactivePeopleStayAuthorsButAreNotSuggested() {
        String slug = people.article("ana", "Kafka consumer groups", FOUR_LINES, List.of("Kafka"));
        edit("ben", slug, FOUR_LINES + "\nBen's line about consumer lag.");
        assertThat(ids(http.get("/api/experts?topic=kafka%20consumer").json())).containsExactly("ana", "ben");

        var away = http.put("/api/people/ana/availability", Map.of("status", "unavailable"), people.token("ana"));
        assertThat(away.status()).as(away.body()).isEqualTo(200);
        assertThat(ids(http.get("/api/experts?topic=kafka%20consumer").json())).containsExactly("ben");
        JsonNode all = http.get("/api/experts?topic=kafka%20consumer&includeUnavailable=true")
                .json();
        assertThat(ids(all)).containsExactly("ana", "ben");
        assertThat(all.get("experts").get(0).get("person").get("available").asBoolean())
                .isFalse();

        String admin = http.login("admin", lore.lore().config().adminPassword().orElse(TestLore.PASSWORD));
        assertThat(http.put("/api/people/ben/availability", Map.of("status", "inactive"), admin)
                        .status())
                .isEqualTo(200);
        assertThat(ids(http.get("/api/experts?topic=kafka%20consumer").json())).isEmpty();
        assertThat(shares(slug)).containsKeys("ana", "ben");

        assertThat(http.put("/api/people/ana/availability", Map.of("status", "available"), people.token("ana"))
                        .status())
                .isEqualTo(200);
        assertThat(ids(http.get("/api/experts?topic=kafka%20consumer").json())).containsExactly("ana");
        assertThat(http.put("/api/people/ana/availability", Map.of("status", "away"), people.token("ana"))
                        .status())
                .isEqualTo(400);
        assertThat(http.put(
                                "/api/people/ana/availability",
                                Map.of("status", "unavailable", "until", "soon"),
                                people.token("ana"))
                        .status())
                .isEqualTo(400);
        assertThat(http.put("/api/people/ana/availability", Map.of("status", "unavailable"), people.token("cleo"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void learnFromSuggestsAvailableExpertsForWhatThePersonWantsWithReasonsAndSpreadsTheLoad() {
        for (String expert : List.of("ana", "cleo")) {
            http.put(
                    "/api/people/" + expert + "/skills",
                    Map.of("skills", List.of(Map.of("name", "Kafka", "level", "expert"))),
                    people.token(expert));
        }
        var wants = http.put("/api/people/ben/wants-to-learn", Map.of("skills", List.of("kafka")), people.token("ben"));
        assertThat(wants.status()).as(wants.body()).isEqualTo(200);

        JsonNode forBen =
                http.get("/api/people/ben/learn-from", people.token("ben")).json();
        assertThat(forBen.get("needs").get(0).get("reason").asText()).isEqualTo("you want to learn Kafka");
        JsonNode first = forBen.get("suggestions").get(0);
        assertThat(first.get("person").get("id").asText())
                .as("same team as Ben, equal expertise")
                .isEqualTo("ana");
        assertThat(first.get("why").asText())
                .contains("Ana lists Kafka as a skill (expert)")
                .contains("Suggested because you want to learn Kafka")
                .contains("Ana is on your team (Streaming)");
        assertThat(ids(forBen.get("suggestions"))).doesNotContain("ben");
        lore.settle(); // what Ben was suggested counts as load from here on

        // Many learners with no closeness to either expert: the first choice does not go to one person only.
        var firstChoices = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            String learner = "learner" + i;
            person(learner, "Learner " + i, "Sales");
            http.put(
                    "/api/people/" + learner + "/wants-to-learn",
                    Map.of("skills", List.of("Kafka")),
                    people.token(learner));
            firstChoices.add(http.get("/api/people/" + learner + "/learn-from", people.token(learner))
                    .json()
                    .get("suggestions")
                    .get(0)
                    .get("person")
                    .get("id")
                    .asText());
            lore.settle(); // suggestions are recorded in the background
        }
        assertThat(firstChoices).contains("ana", "cleo");

        assertThat(http.get("/api/people/ben/learn-from", people.token("dan")).status())
                .isEqualTo(403);
        assertThat(http.get("/api/people/ben/learn-from", null).status()).isEqualTo(401);
        String admin = http.login("admin", lore.lore().config().adminPassword().orElse(TestLore.PASSWORD));
        assertThat(http.get("/api/people/nobody/learn-from", admin).status()).isEqualTo(404);
    }

    @Test
    void learnFromPrefersPeopleTheLearnerWroteWithThenTheirCoauthorsCoauthors() {
        // Dan (Web) wants Terraform; Ana (Streaming) and Cleo (Data) are equal experts in it
        declare("ana", "Terraform", "expert");
        declare("cleo", "Terraform", "expert");
        http.put("/api/people/dan/wants-to-learn", Map.of("skills", List.of("Terraform")), people.token("dan"));
        JsonNode before =
                http.get("/api/people/dan/learn-from", people.token("dan")).json();
        assertThat(ids(before.get("suggestions"))).containsExactly("ana", "cleo"); // a tie: by id
        lore.settle(); // both were suggested once: equal load from here on

        // Dan and Cleo wrote a page together; Dan wrote one with Erin, and Erin one with Ana
        String together = people.article("dan", "On-call handbook", FOUR_LINES, List.of());
        edit("cleo", together, FOUR_LINES + "\nCleo's line.");
        String withErin = people.article("dan", "Release checklist", FOUR_LINES, List.of());
        edit("erin", withErin, FOUR_LINES + "\nErin's line.");
        String erinAndAna = people.article("erin", "Incident review", FOUR_LINES, List.of());
        edit("ana", erinAndAna, FOUR_LINES + "\nAna's line.");

        JsonNode after =
                http.get("/api/people/dan/learn-from", people.token("dan")).json();
        assertThat(ids(after.get("suggestions"))).containsExactly("cleo", "ana");
        assertThat(after.get("suggestions").get(0).get("why").asText())
                .contains("You have worked on 1 article together.");
        assertThat(after.get("suggestions").get(1).get("why").asText()).contains("You share 1 co-author.");
        assertThat(after.get("suggestions").get(0).get("score").asDouble())
                .isGreaterThan(after.get("suggestions").get(1).get("score").asDouble());
    }

    @Test
    void recentSearchesAreNeedsAndTheNeedsAreInTheAnswer() {
        declare("ana", "Kafka", "expert");
        assertThat(http.get("/api/search?q=kafka%20lag", people.token("dan")).status())
                .isEqualTo(200);
        lore.settle(); // searches are logged in the background
        JsonNode forDan =
                http.get("/api/people/dan/learn-from", people.token("dan")).json();
        assertThat(forDan.get("needs").get(0).get("reason").asText()).isEqualTo("you searched for \"kafka lag\"");
        assertThat(forDan.get("needs").get(0).get("weight").asDouble()).isEqualTo(0.4);
        assertThat(ids(forDan.get("suggestions"))).containsExactly("ana");
        assertThat(forDan.get("suggestions").get(0).get("why").asText()).contains("you searched for \"kafka lag\"");
    }

    @Test
    void readingAboutASkillMakesItANeedUnlessThePersonAlreadyPractisesIt() {
        String slug = people.article("ana", "Kafka consumer groups", FOUR_LINES, List.of("Kafka"));
        String page = http.getWithCookies("/wiki/" + slug, "lore_session=" + people.token("erin"))
                .body();
        assertThat(page).contains("Kafka consumer groups");
        lore.settle();
        JsonNode forErin =
                http.get("/api/people/erin/learn-from", people.token("erin")).json();
        assertThat(forErin.get("needs").get(0).get("reason").asText()).isEqualTo("you read 1 article about Kafka");
        assertThat(ids(forErin.get("suggestions"))).containsExactly("ana");

        http.put(
                "/api/people/erin/skills",
                Map.of("skills", List.of(Map.of("name", "Kafka", "level", "practising"))),
                people.token("erin"));
        assertThat(http.get("/api/people/erin/learn-from", people.token("erin"))
                        .json()
                        .get("needs")
                        .size())
                .isZero();
    }

    @Test
    void askAnExpertOnAnArticleLeavesOutTheReader() {
        String slug = people.article("ana", "Kafka consumer groups", FOUR_LINES, List.of("Kafka"));
        edit("ben", slug, FOUR_LINES + "\nBen's line about consumer lag.");
        assertThat(ids(http.get("/api/articles/" + slug + "/experts").json())).containsExactly("ana", "ben");
        assertThat(ids(http.get("/api/articles/" + slug + "/experts", people.token("ana"))
                        .json()))
                .containsExactly("ben");
        assertThat(http.get("/api/articles/missing/experts").status()).isEqualTo(404);
    }

    @Test
    void badTopicsGetClearErrors() {
        var empty = http.get("/api/experts?topic=%20");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asText()).contains("topic is required");
        assertThat(http.get("/api/experts").status()).isEqualTo(400);
        var huge = http.get("/api/experts?topic=" + "kafka%20".repeat(500));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.json().get("detail").asText()).contains("too long");
        assertThat(http.get("/api/experts?topic=%22unbalanced%20-%20%3A").status())
                .isEqualTo(200);
        assertThat(http.get("/api/experts?topic=kafka&limit=0").status()).isEqualTo(400);
        assertThat(http.get("/api/people/nobody/expertise", people.token("ana")).status())
                .isEqualTo(404);
        assertThat(http.put(
                                "/api/people/dan/skills",
                                Map.of("skills", List.of(Map.of("name", "Go", "level", "guru"))),
                                people.token("dan"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theStrongestHoldersOfASkillComeFromTheDatabaseInTheOrderTheRankingUses() {
        declare("ana", "Terraform", "expert"); // 1.0
        declare("ben", "Terraform", "practising"); // 0.5 + two endorsements: 0.3 * log2(3) = 0.975
        declare("cleo", "Terraform", "learning"); // 0.1
        for (String from : List.of("cleo", "dan")) {
            var r = http.post("/api/people/ben/endorsements", Map.of("skill", "Terraform"), people.token(from));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        // dan wrote two articles about it: shares 2 + 0.05 * 2, capped at 1.5
        people.article("dan", "Terraform state", "Keep state remote and locked.", List.of("Terraform"));
        people.article("dan", "Terraform modules", "Version every module.", List.of("Terraform"));

        var store = new dev.lore.graph.expertise.ExpertiseStore(lore.lore().graph());
        var now = java.time.Instant.now();
        var key = List.of("terraform");
        var writing = store.holders().strongest(key, 2, true, Scoring.STRENGTH, now);
        assertThat(writing).extracting(e -> e.personId()).containsExactly("dan", "ana");
        var declaredOnly = store.holders().strongest(key, 2, false, Scoring.STRENGTH, now);
        assertThat(declaredOnly).extracting(e -> e.personId()).containsExactly("ana", "ben");
        assertThat(declaredOnly.get(1).endorsers()).containsExactlyInAnyOrder("Cleo Park", "Dan Ruiz");

        // the database's order is the ranking's own order, for everyone
        var all = store.holders().strongest(key, 10, true, Scoring.STRENGTH, now);
        assertThat(all).extracting(e -> e.personId()).containsExactly("dan", "ana", "ben", "cleo");
        var byJava = all.stream()
                .sorted(java.util.Comparator.comparingDouble(
                                (dev.lore.graph.expertise.SkillEvidence e) -> Scoring.skillExpertise(e, now))
                        .reversed())
                .map(e -> e.personId())
                .toList();
        assertThat(byJava).containsExactly("dan", "ana", "ben", "cleo");

        // read from the people instead: the same evidence, and nothing for people without any
        var ofPeople = store.evidence().evidenceOf(key, List.of("ben", "erin"));
        assertThat(ofPeople).singleElement().satisfies(e -> {
            assertThat(e.personId()).isEqualTo("ben");
            assertThat(e.level()).contains("practising");
            assertThat(e.endorsers()).hasSize(2);
            assertThat(e.lastEndorsedAt()).isPresent();
        });

        // a new declaration is seen at once, though the holders were just read (and kept)
        assertThat(ids(http.get("/api/experts?topic=terraform").json())).doesNotContain("erin");
        declare("erin", "Terraform", "expert");
        assertThat(ids(http.get("/api/experts?topic=terraform").json())).contains("erin");
    }

    @Test
    void readsInOneReadTransactionShareItAndAWriteInsideFails() {
        var graph = lore.lore().graph();
        Long people = graph.<Long>inOneReadTransaction(() -> {
            assertThat(graph.inTransaction()).isFalse(); // no uncommitted writes to wait for
            return graph.read(tx -> tx.run("MATCH (p:Person) RETURN count(p) AS n")
                    .single()
                    .get("n")
                    .asLong());
        });
        assertThat(people).isGreaterThanOrEqualTo(5);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> graph.inOneReadTransaction(
                        () -> graph.write(tx -> tx.run("CREATE (:Scratch)").consume())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inOneReadTransaction");
        long scratch = graph.read(tx -> tx.run("MATCH (s:Scratch) RETURN count(s) AS n")
                .single()
                .get("n")
                .asLong());
        assertThat(scratch).isZero();
    }

    private void declare(String who, String skill, String level) {
        var r = http.put(
                "/api/people/" + who + "/skills",
                Map.of("skills", List.of(Map.of("name", skill, "level", level))),
                people.token(who));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static JsonNode find(JsonNode experts, String id) {
        for (JsonNode e : experts) {
            if (e.get("person").get("id").asText().equals(id)) {
                return e;
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode json) {
        JsonNode list = json.has("experts") ? json.get("experts") : json;
        var out = new ArrayList<String>();
        list.forEach(e -> out.add(e.get("person").get("id").asText()));
        return out;
    }
}
