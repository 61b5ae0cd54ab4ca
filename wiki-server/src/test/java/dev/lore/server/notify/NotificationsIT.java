package dev.lore.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.graph.notify.AutoWatch;
import dev.lore.graph.notify.Event;
import dev.lore.graph.notify.EventKind;
import dev.lore.graph.notify.NotificationStore;
import dev.lore.graph.notify.Subject;
import dev.lore.graph.notify.WatchKind;
import dev.lore.graph.notify.WatchStore;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import dev.lore.server.support.TestPeople;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestLore.class)
class NotificationsIT {
    private Http http;
    private TestLore.Running lore;
    private TestPeople people;

    @BeforeEach
    void people(TestLore.Running running, Http http) {
        this.lore = running;
        this.http = http;
        people = new TestPeople(running, http)
                .add("ana", "ana.silva", "Ana Silva", "Streaming", Role.CONTRIBUTOR)
                .add("ben", "Ben Okafor", "Platform", Role.CONTRIBUTOR)
                .add("cleo", "Cleo Park", "Data", Role.READER);
    }

    private int edit(String who, String slug, String markdown, String message) {
        int base = http.get("/api/articles/" + slug).json().get("revision").asInt();
        var r = http.put(
                "/api/articles/" + slug,
                Map.of("markdown", markdown, "baseRevision", base, "message", message),
                people.token(who));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("revision").asInt();
    }

    private JsonNode inbox(String who) {
        var r = http.get("/api/notifications", people.token(who));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> field(JsonNode array, String name) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.get(name).asText()));
        return out;
    }

    @Test
    void watchersHearOfAnEditOnceForAQuickSeriesByOnePerson() {
        String slug = people.article("ana", "Kafka consumer groups", "# Kafka consumer groups\n\nRebalancing.\n");
        var watch = http.post("/api/watches", Map.of("kind", "article", "target", slug), people.token("cleo"));
        assertThat(watch.status()).as(watch.body()).isEqualTo(201);

        for (int i = 1; i <= 10; i++) {
            lore.clock().set(lore.clock().instant().plus(Duration.ofMinutes(2)));
            edit("ben", slug, "Rebalancing, take " + i + ".\n", "Typo " + i);
        }

        JsonNode cleo = inbox("cleo");
        assertThat(cleo.get("unread").asInt()).isEqualTo(1);
        JsonNode only = cleo.get("notifications").get(0);
        assertThat(only.get("kind").asText()).isEqualTo("page-changed");
        assertThat(only.get("title").asText()).isEqualTo("Kafka consumer groups");
        assertThat(only.get("url").asText()).isEqualTo("/wiki/" + slug + "/diff?from=1");
        assertThat(only.get("message").asText()).isEqualTo("Typo 10");
        assertThat(only.get("actor").get("id").asText()).isEqualTo("ben");
        assertThat(only.get("count").asInt()).isEqualTo(10);
        // the author watches what she created and hears too; the editor hears nothing of his own edits
        assertThat(inbox("ana").get("unread").asInt()).isEqualTo(1);
        assertThat(inbox("ben").get("unread").asInt()).isZero();
    }

    @Test
    void anEditAfterTheFirstWasReadIsANewNotification() {
        String slug = people.article("ana", "Runbooks", "Text.\n");
        edit("ben", slug, "Text two.\n", "More");
        var read = http.post("/api/notifications/read", Map.of("all", true), people.token("ana"));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("unread").asInt()).isZero();
        edit("ben", slug, "Text three.\n", "Again");

        JsonNode ana = inbox("ana");
        assertThat(ana.get("unread").asInt()).isEqualTo(1);
        assertThat(field(ana.get("notifications"), "read")).containsExactly("false", "true");
    }

    @Test
    void autoWatchCanBeSwitchedOff() {
        var prefs = http.put(
                "/api/me/notification-preferences", Map.of("autoWatch", Map.of("create", false)), people.token("ana"));
        assertThat(prefs.status()).as(prefs.body()).isEqualTo(200);
        assertThat(prefs.json().get("autoWatch").get("create").asBoolean()).isFalse();
        String slug = people.article("ana", "Quiet page", "Text.\n");
        edit("ben", slug, "Text two.\n", "More");

        assertThat(inbox("ana").get("unread").asInt()).isZero();
        assertThat(http.get("/api/watches", people.token("ben"))
                        .json()
                        .get("watches")
                        .get(0)
                        .get("target")
                        .asText())
                .isEqualTo(slug);
    }

    @Test
    void answersNotifyTheAskerAndAcceptanceTheAnswerer() {
        var q = http.post(
                "/api/questions",
                Map.of("title", "How do we rotate certificates?", "markdown", "Asking.", "skills", List.of()),
                people.token("cleo"));
        assertThat(q.status()).as(q.body()).isEqualTo(201);
        String id = q.json().get("id").asText();
        var a = http.post("/api/questions/" + id + "/answers", Map.of("markdown", "Use the job."), people.token("ben"));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        String answer = a.json().get("id").asText();
        http.post("/api/answers/" + answer + "/accept", Map.of(), people.token("cleo"));
        http.post("/api/answers/" + answer + "/votes", Map.of(), people.token("ana"));

        JsonNode cleo = inbox("cleo").get("notifications");
        assertThat(field(cleo, "kind")).containsExactly("answer");
        assertThat(cleo.get(0).get("url").asText()).isEqualTo("/questions/" + id);
        assertThat(field(inbox("ben").get("notifications"), "kind"))
                .containsExactlyInAnyOrder("answer-accepted", "answer-voted");
    }

    @Test
    void mentionsNotifyOncePerRevisionThatAddsThemAndRenderAsProfileLinks() {
        String slug = people.article("ben", "Ownership", "Ask @ana.silva or @nobody.here about it.\n");
        edit("ben", slug, "Ask @ana.silva or @nobody.here about it, really.\n", "Wording");
        edit("ben", slug, "Ask @ana.silva and @cleo, or `@ben` in code.\n", "Cleo too");

        assertThat(field(inbox("ana").get("notifications"), "kind")).containsExactly("mention");
        assertThat(field(inbox("cleo").get("notifications"), "kind")).containsExactly("mention");
        String html = http.get("/api/articles/" + slug).json().get("html").asText();
        assertThat(html)
                .contains("<a href=\"/people/ana.silva\" class=\"mention\">@ana.silva</a>")
                .contains("<code>@ben</code>");
        String first = http.get("/api/articles/" + slug + "/revisions/1").body();
        assertThat(first).doesNotContain("/people/nobody.here");
    }

    @Test
    void watchingRejectsUnknownKindsAndMissingTargets() {
        var bad = http.post("/api/watches", Map.of("kind", "planet", "target", "x"), people.token("cleo"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).isNotBlank();
        var missing = http.post("/api/watches", Map.of("kind", "article", "target", "no-such"), people.token("cleo"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(http.get("/api/notifications").status()).isEqualTo(401);
        var unwatch = http.delete("/api/watches/article/no-such", people.token("cleo"));
        assertThat(unwatch.status()).isEqualTo(204);
    }

    @Test
    void notificationsRollBackWithTheWriteThatCausedThem() {
        String slug = people.article("ana", "Rollback", "Text.\n");
        var watches = new WatchStore(lore.lore().graph());
        var store = new NotificationStore(lore.lore().graph(), watches);
        assertThatThrownBy(() -> lore.lore().graph().inOneTransaction(() -> {
                    store.record(Event.of(
                                    EventKind.PAGE_CHANGED,
                                    "ben",
                                    "Rollback",
                                    "/wiki/" + slug,
                                    "",
                                    List.of(new Subject(WatchKind.ARTICLE, slug)),
                                    List.of("cleo"),
                                    lore.clock().instant())
                            .watching(new Subject(WatchKind.ARTICLE, slug), AutoWatch.EDIT));
                    throw new IllegalStateException("the write failed");
                }))
                .hasMessage("the write failed");

        assertThat(inbox("ana").get("unread").asInt()).isZero();
        assertThat(inbox("cleo").get("unread").asInt()).isZero();
        assertThat(watches.watches("ben", new Subject(WatchKind.ARTICLE, slug))).isFalse();
    }
}
