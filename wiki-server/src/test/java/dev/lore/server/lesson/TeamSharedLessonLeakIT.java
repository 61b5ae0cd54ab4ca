package dev.lore.server.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.lore.graph.notify.NotificationStore;
import dev.lore.graph.notify.WatchStore;
import dev.lore.graph.notify.WebhookStore;
import dev.lore.server.auth.Role;
import dev.lore.server.notify.NotifyConfig;
import dev.lore.server.notify.WebhookDelivery;
import dev.lore.server.notify.WebhookService;
import dev.lore.server.support.Files;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A lesson shared by the team must never name its author to anyone else: every page and API a
 * reader can reach about it (and the notifications and webhooks others receive) is fetched as
 * another person and searched for the author's name and username.
 */
@ExtendWith(TestLore.class)
class TeamSharedLessonLeakIT {
    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final String AUTHOR_ID = "dana.quill";
    private static final String AUTHOR_NAME = "Dana Quill";

    private TestLore.Running lore;
    private Http http;
    private HttpServer endpoint;
    private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    private String dana;
    private String rudi;
    private String rudiCookies;
    private String slug;

    @BeforeEach
    void shareALesson(TestLore.Running running, Http http) throws IOException {
        this.lore = running;
        this.http = http;
        lore.clock().set(NOW);
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        endpoint.start();
        new WebhookService(new WebhookStore(lore.lore().graph()), true, lore.clock())
                .register(
                        "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook",
                        List.of("new-page", "page-changed"),
                        "admin");

        dana = lore.person(AUTHOR_ID, AUTHOR_NAME, "Payments", Role.CONTRIBUTOR);
        rudi = http.login("rudi.reader", TestLore.PASSWORD);
        rudiCookies = http.browserSession("rudi.reader", TestLore.PASSWORD);
        // Rudi watches Dana and the skill: he must hear of the lesson, and not from her
        assertThat(http.post("/api/watches", Map.of("kind", "person", "target", AUTHOR_ID), rudi)
                        .status())
                .isEqualTo(201);
        assertThat(http.post("/api/watches", Map.of("kind", "skill", "target", "Kafka"), rudi)
                        .status())
                .isIn(201, 200, 404);

        var shared = http.post(
                "/api/lessons",
                Map.of(
                        "title",
                        "The consumer lag that hid a poison message",
                        "markdown",
                        "## What we tried\n\nRestarting consumers.\n\n## What we learned\n\nLag alerts "
                                + "need a dead-letter queue check.",
                        "skills",
                        List.of("Kafka"),
                        "sharing",
                        "team"),
                dana);
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        slug = shared.json().get("slug").asText();
        // she edits it later, and attaches a file: both stay the team's
        var edit = http.put(
                "/api/articles/" + slug,
                Map.of(
                        "markdown",
                        "## What we tried\n\nRestarting consumers.\n\n## What we learned\n\nLag alerts "
                                + "need a dead-letter queue check.\n\n## What we would do next time\n\nAlert on DLQ size.",
                        "baseRevision",
                        1),
                dana);
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        var file = new Files(http.base())
                .upload(
                        "/api/files",
                        Map.of("article", slug),
                        "lag.txt",
                        "lag graph".getBytes(StandardCharsets.UTF_8),
                        dana);
        assertThat(file.status()).as(file.body()).isEqualTo(201);
        lore.settle();
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
    }

    @Test
    void noReaderReachablePageOrApiNamesTheAuthorOfATeamSharedLesson() {
        Map<String, String> seen = new LinkedHashMap<>();
        // the inbox first: opening /notifications marks it read
        for (String api : List.of(
                "/api/articles/" + slug,
                "/api/articles",
                "/api/articles/" + slug + "/revisions",
                "/api/articles/" + slug + "/revisions/1",
                "/api/articles/" + slug + "/revisions/2",
                "/api/articles/" + slug + "/diff?from=1&to=2",
                "/api/articles/" + slug + "/experts",
                "/api/lessons/" + slug,
                "/api/search?q=poison+message",
                "/api/search?q=type%3Alesson",
                "/api/suggest?q=consumer",
                "/api/skills/Kafka",
                "/api/experts?topic=kafka",
                "/api/people/rudi.reader/learn-from",
                "/api/notifications",
                "/api/impact",
                "/api/tree")) {
            var r = http.get(api, rudi);
            seen.put(api, r.status() + " " + r.body());
        }
        for (String page : List.of(
                "/wiki/" + slug,
                "/wiki/" + slug + "/history",
                "/wiki/" + slug + "/revisions/1",
                "/wiki/" + slug + "/revisions/2",
                "/wiki/" + slug + "/diff?from=1&to=2",
                "/search?q=poison+message",
                "/search?q=type%3Alesson",
                "/skills/Kafka",
                "/experts?q=kafka",
                "/",
                "/notifications",
                "/impact",
                "/pages")) {
            var r = http.getWithCookies(page, rudiCookies);
            seen.put(page, r.status() + " " + r.body());
        }
        // the article page itself must have worked, or the test proves nothing
        assertThat(seen.get("/wiki/" + slug)).startsWith("200").contains("Payments team");
        assertThat(seen.get("/api/articles/" + slug)).startsWith("200").contains("Payments team");
        assertThat(seen.get("/api/search?q=type%3Alesson")).startsWith("200").contains(slug);

        var delivery = new WebhookDelivery(
                new WebhookStore(lore.lore().graph()),
                new NotificationStore(
                        lore.lore().graph(), new WatchStore(lore.lore().graph())),
                NotifyConfig.fromEnvironment(Map.of(
                                "LORE_BASE_URL", "https://lore.example.test", "LORE_WEBHOOK_ALLOW_PRIVATE", "true"))
                        .withSendTimeout(Http.PATIENCE),
                "test-server",
                lore.clock());
        delivery.send();
        int i = 0;
        for (String payload : received) {
            seen.put("webhook " + i++, payload);
        }

        List<String> leaks = new ArrayList<>();
        seen.forEach((where, body) -> {
            if (body.contains(AUTHOR_NAME) || body.contains(AUTHOR_ID) || body.contains("Dana")) {
                leaks.add(where);
            }
        });
        assertThat(leaks).as("pages and APIs that name the author").isEmpty();

        // and the author's own pages, as others see them, do not list the lesson
        Map<String, String> aboutHer = new LinkedHashMap<>();
        for (String page : List.of("/people/" + AUTHOR_ID, "/people")) {
            var r = http.getWithCookies(page, rudiCookies);
            aboutHer.put(page, r.status() + " " + r.body());
        }
        for (String api : List.of(
                "/api/people/" + AUTHOR_ID,
                "/api/people/" + AUTHOR_ID + "/expertise",
                "/api/people/" + AUTHOR_ID + "/recognition")) {
            var r = http.get(api, rudi);
            aboutHer.put(api, r.status() + " " + r.body());
        }
        assertThat(aboutHer.get("/people/" + AUTHOR_ID)).startsWith("200").contains(AUTHOR_NAME);
        List<String> linked = new ArrayList<>();
        aboutHer.forEach((where, body) -> {
            if (body.contains(slug) || body.contains("poison message")) {
                linked.add(where);
            }
        });
        assertThat(linked).as("the author's pages that list the lesson").isEmpty();
    }

    @Test
    void theAuthorSeesTheirOwnCreditAndChampionsSeeTheAuthor() {
        JsonNode mine = http.get("/api/lessons/mine", dana).json().get("lessons");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("slug").asText()).isEqualTo(slug);
        assertThat(mine.get(0).get("author").asText()).isEqualTo(AUTHOR_ID);
        String danaCookies = http.browserSession(AUTHOR_ID, TestLore.PASSWORD);
        assertThat(http.getWithCookies("/wiki/" + slug, danaCookies).body()).contains("You wrote this");

        String chris = lore.person("chris", "Chris Champion", "Enablement", Role.CHAMPION);
        assertThat(http.get("/api/lessons/" + slug, chris).json().get("author").asText())
                .isEqualTo(AUTHOR_ID);
        assertThat(http.get("/api/lessons/" + slug, rudi).json().has("author")).isFalse();
        String chrisCookies = http.browserSession("chris", TestLore.PASSWORD);
        assertThat(http.getWithCookies("/wiki/" + slug, chrisCookies).body()).contains("Written by " + AUTHOR_NAME);

        String admin = http.login("admin", TestLore.PASSWORD);
        assertThat(http.get("/api/admin/audit.csv?action=lesson-share", admin).body())
                .contains(AUTHOR_ID);
    }
}
