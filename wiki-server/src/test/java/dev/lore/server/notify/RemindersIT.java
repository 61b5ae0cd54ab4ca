package dev.lore.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.graph.notify.StaleReminderStore;
import dev.lore.server.article.ArticleInput;
import dev.lore.server.auth.Role;
import dev.lore.server.question.QuestionService;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What Lore tells people by itself, from its sweeps: owners of pages past their review date, and
 * the asker and new experts when a question asked of one person is routed further. The sweeps run
 * on timers in production; here the test calls them with its clock.
 */
@ExtendWith(TestLore.class)
class RemindersIT {
    private static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

    private TestLore.Running lore;
    private Http http;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        lore.clock().set(START);
    }

    private String page(String title, Optional<String> owner) {
        return lore.lore()
                .articles()
                .create(
                        new ArticleInput(
                                Optional.of(title),
                                "Steps that may have changed since.",
                                Optional.empty(),
                                Optional.empty(),
                                owner,
                                Optional.empty()),
                        "carla.contrib",
                        START)
                .slug();
    }

    private List<JsonNode> inbox(String user, String kind) {
        String token = http.login(user, TestLore.PASSWORD);
        var r = http.get("/api/notifications", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var found = new ArrayList<JsonNode>();
        r.json().get("notifications").forEach(n -> {
            if (n.get("kind").asText().equals(kind)) {
                found.add(n);
            }
        });
        return found;
    }

    @Test
    void anOwnerIsRemindedOnceEachTimeTheirPageFallsDue() {
        String owned = page("VPN setup", Optional.of("carla.contrib"));
        page("Nobody's page", Optional.empty());
        var reminders = lore.lore().staleReminders();

        lore.clock().set(START.plus(Duration.ofDays(179)));
        assertThat(reminders.sweep()).as("not due yet").isZero();

        lore.clock().set(START.plus(Duration.ofDays(181)));
        assertThat(reminders.sweep()).isEqualTo(1);
        assertThat(reminders.sweep())
                .as("no second reminder for the same due date")
                .isZero();
        lore.clock().set(START.plus(Duration.ofDays(200)));
        assertThat(reminders.sweep()).as("still the same period").isZero();

        List<JsonNode> stale = inbox("carla.contrib", "page-stale");
        assertThat(stale).hasSize(1);
        assertThat(stale.get(0).get("url").asText()).isEqualTo("/wiki/" + owned);
        assertThat(stale.get(0).get("title").asText()).isEqualTo("VPN setup");
        assertThat(stale.get(0).get("message").asText()).contains("Due for review since 2026-11-28");

        // verified: due again 180 days later, a new period with a new reminder
        var verified = http.post(
                "/api/articles/" + owned + "/verify", Map.of(), http.login("carla.contrib", TestLore.PASSWORD));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        lore.clock().set(START.plus(Duration.ofDays(200 + 179)));
        assertThat(reminders.sweep()).isZero();
        lore.clock().set(START.plus(Duration.ofDays(200 + 181)));
        assertThat(reminders.sweep()).isEqualTo(1);
        assertThat(inbox("carla.contrib", "page-stale")).hasSize(2);
    }

    @Test
    void twoServersSweepingOneDatabaseClaimEachReminderOnce() {
        String owned = page("Laptop setup", Optional.of("carla.contrib"));
        Instant later = START.plus(Duration.ofDays(181));
        var store = new StaleReminderStore(lore.lore().graph());
        var other = new StaleReminderStore(lore.lore().graph());

        assertThat(store.due(later, 10))
                .extracting(StaleReminderStore.Due::slug)
                .containsExactly(owned);
        assertThat(store.claim(owned, later)).isPresent();
        assertThat(other.claim(owned, later))
                .as("the second server finds it claimed")
                .isEmpty();
        assertThat(other.due(later, 10)).isEmpty();
    }

    @Test
    void aQuestionRoutedFurtherAsksTheNextExpertAndTellsTheAsker() {
        String ana = lore.person("ana", "Ana Silva", "Streaming", Role.CONTRIBUTOR);
        String bob = lore.person("bob", "Bob Berg", "Platform", Role.CONTRIBUTOR);
        for (var write : List.of(Map.entry(ana, "Kafka consumer groups"), Map.entry(bob, "Kafka on the platform"))) {
            var r = http.post(
                    "/api/articles",
                    Map.of(
                            "title",
                            write.getValue(),
                            "markdown",
                            "Kafka brokers, partitions and consumer groups.",
                            "skills",
                            List.of("Kafka")),
                    write.getKey());
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        lore.settle();
        var questions = lore.lore().questions();
        var asked = questions.askPerson(
                "How do I reset a Kafka consumer group?",
                "",
                List.of("Kafka"),
                "carla.contrib",
                new QuestionService.PersonCheckResult("ana", "Ana Silva", true));
        assertThat(inbox("ana", "question-routed")).hasSize(1);
        assertThat(inbox("bob", "question-routed")).isEmpty();

        lore.clock().set(START.plus(QuestionService.ROUTE_FURTHER_AFTER));
        assertThat(questions.routeFurther()).isEqualTo(1);

        List<JsonNode> bobs = inbox("bob", "question-routed");
        assertThat(bobs).hasSize(1);
        assertThat(bobs.get(0).get("url").asText()).isEqualTo("/questions/" + asked.id());
        assertThat(bobs.get(0).get("actor").get("id").asText()).isEqualTo("carla.contrib");
        assertThat(inbox("ana", "question-routed"))
                .as("the first person is not asked twice")
                .hasSize(1);
        List<JsonNode> carlas = inbox("carla.contrib", "question-routed-further");
        assertThat(carlas).hasSize(1);
        assertThat(carlas.get(0).get("message").asText()).isEqualTo("No answer yet, so Lore also asked Bob Berg");
        assertThat(carlas.get(0).get("url").asText()).isEqualTo("/questions/" + asked.id());
    }
}
