package dev.lore.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.lore.graph.notify.EventKind;
import dev.lore.graph.notify.NotificationStore;
import dev.lore.graph.notify.WatchStore;
import dev.lore.graph.notify.Webhook;
import dev.lore.graph.notify.WebhookStore;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Webhooks delivered to a real HTTP endpoint started in the test. */
@ExtendWith(TestLore.class)
class WebhookIT {
    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    private record Received(Map<String, List<String>> headers, byte[] body) {}

    private Http http;
    private TestLore.Running lore;
    private HttpServer endpoint;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failuresToGive = new AtomicInteger();
    private String champion;
    private String ana;
    private String cleo;

    @BeforeEach
    void start(TestLore.Running running, Http http) throws IOException {
        this.lore = running;
        this.http = http;
        lore.clock().set(NOW);
        champion = lore.person("chris", "Chris Champion", "Enablement", Role.CHAMPION);
        ana = lore.person("ana", "Ana Silva", "Streaming", Role.CONTRIBUTOR);
        cleo = lore.person("cleo", "Cleo Park", "Data", Role.READER);
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders(), body));
            int status = failuresToGive.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook";
    }

    private NotifyConfig config() {
        return NotifyConfig.fromEnvironment(
                        Map.of("LORE_BASE_URL", "https://lore.example.test", "LORE_WEBHOOK_ALLOW_PRIVATE", "true"))
                .withSendTimeout(Http.PATIENCE);
    }

    private Webhook register(List<String> events) {
        var service = new WebhookService(new WebhookStore(lore.lore().graph()), true, lore.clock());
        return service.register(hookUrl(), events, "chris");
    }

    private WebhookDelivery delivery() {
        var graph = lore.lore().graph();
        return new WebhookDelivery(
                new WebhookStore(graph),
                new NotificationStore(graph, new WatchStore(graph)),
                config(),
                "test-server",
                lore.clock());
    }

    private String answerSomething() {
        var q = http.post(
                "/api/questions",
                Map.of("title", "Where are the runbooks?", "markdown", "?", "skills", List.of()),
                cleo);
        assertThat(q.status()).as(q.body()).isEqualTo(201);
        var a = http.post(
                "/api/questions/" + q.json().get("id").asText() + "/answers", Map.of("markdown", "In the wiki."), ana);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return q.json().get("id").asText();
    }

    @Test
    void deliversASignedPayloadWithASlackText() throws IOException {
        Webhook hook = register(List.of("answer"));
        answerSomething();

        assertThat(delivery().send()).isEqualTo(1);
        assertThat(delivery().send()).isZero();

        assertThat(received).hasSize(1);
        Received r = received.peek();
        String signature = r.headers().get("X-lore-signature").getFirst();
        assertThat(signature).isEqualTo(WebhookDelivery.signature(hook.secret(), r.body()));
        assertThat(signature).isNotEqualTo(WebhookDelivery.signature("another secret", r.body()));
        JsonNode json = new ObjectMapper().readTree(r.body());
        assertThat(json.get("event").asText()).isEqualTo("answer");
        assertThat(json.get("title").asText()).isEqualTo("Where are the runbooks?");
        assertThat(json.get("text").asText()).startsWith("Ana Silva answered <https://lore.example.test/questions/");
        assertThat(json.get("actor").get("id").asText()).isEqualTo("ana");

        JsonNode log = http.get("/api/webhooks/" + hook.id() + "/deliveries", champion)
                .json()
                .get("deliveries");
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("state").asText()).isEqualTo("delivered");
        assertThat(log.get(0).get("lastStatus").asInt()).isEqualTo(204);
    }

    @Test
    void retriesWithBackoffAndRecordsEveryAttempt() {
        Webhook hook = register(List.of());
        failuresToGive.set(1);
        answerSomething(); // three events for an all-kinds hook: routed, new question, answer

        assertThat(delivery().send()).isEqualTo(2); // the first answered 500, the others 204
        assertThat(delivery().send()).as("the retry waits").isZero();
        lore.clock().set(NOW.plus(Duration.ofSeconds(31)));
        assertThat(delivery().send()).isEqualTo(1);

        JsonNode log = http.get("/api/webhooks/" + hook.id() + "/deliveries", champion)
                .json()
                .get("deliveries");
        assertThat(log).allSatisfy(d -> assertThat(d.get("state").asText()).isEqualTo("delivered"));
        assertThat(log).anySatisfy(d -> assertThat(d.get("attempts").asInt()).isEqualTo(2));
    }

    @Test
    void aHookForEveryKindIsKeptAsEveryKindSoKindsAddedLaterReachItToo() {
        var created = http.post("/api/webhooks", Map.of("url", "https://203.0.113.9/lore"), champion);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("everyKind").asBoolean()).isTrue();
        assertThat(created.json().get("events")).hasSize(EventKind.values().length);

        String id = created.json().get("id").asText();
        Webhook stored = new WebhookStore(lore.lore().graph()).find(id).orElseThrow();
        assertThat(stored.events()).isEmpty(); // not today's list of kinds
        assertThat(stored.everyKind()).isTrue();
    }

    @Test
    void aHookThatKeepsFailingIsSwitchedOffAndItsOwnerTold() {
        Webhook hook = register(List.of("answer"));
        failuresToGive.set(1_000);
        for (int i = 0; i < WebhookStore.MAX_FAILURES; i++) {
            answerSomething();
        }
        for (int attempt = 0; attempt < WebhookDelivery.MAX_ATTEMPTS; attempt++) {
            delivery().send();
            lore.clock().set(lore.clock().instant().plus(Duration.ofHours(1)));
        }

        JsonNode hooks = http.get("/api/webhooks", champion).json().get("webhooks");
        assertThat(hooks.get(0).get("active").asBoolean()).isFalse();
        assertThat(hooks.get(0).has("secret")).isFalse();
        JsonNode inbox = http.get("/api/notifications", champion).json().get("notifications");
        assertThat(inbox.get(0).get("kind").asText()).isEqualTo("webhook-disabled");
        answerSomething();
        assertThat(http.get("/api/webhooks/" + hook.id() + "/deliveries", champion)
                        .json()
                        .get("deliveries"))
                .hasSize(WebhookStore.MAX_FAILURES);
    }

    @Test
    void theApiRefusesPrivateAddressesAndNonChampions() {
        var loopback = http.post("/api/webhooks", Map.of("url", hookUrl(), "events", List.of("answer")), champion);
        assertThat(loopback.status()).isEqualTo(400);
        assertThat(loopback.json().get("detail").asText()).contains("private address");
        var ftp = http.post("/api/webhooks", Map.of("url", "ftp://example.com/x"), champion);
        assertThat(ftp.status()).isEqualTo(400);
        var badKind =
                http.post("/api/webhooks", Map.of("url", "https://example.com/x", "events", List.of("nope")), champion);
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(http.post("/api/webhooks", Map.of("url", "https://example.com/x"), ana)
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/webhooks/nope/deliveries", champion).status()).isEqualTo(404);
    }

    @Test
    void aQuestionHiddenBeforeDeliveryIsNotSentToHooks() {
        register(List.of("answer"));
        String question = answerSomething();

        var hide = http.post("/api/moderation/question/" + question + "/hide", Map.of("reason", "spam"), champion);
        assertThat(hide.status()).as(hide.body()).isEqualTo(204);

        assertThat(delivery().send()).isZero();
        assertThat(received).isEmpty();
    }
}
