package dev.lore.server.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Lessons learned: the kind, search, champion review, "saved me time", and sharing without a team. */
@ExtendWith(TestLore.class)
class LessonsIT {
    private TestLore.Running lore;
    private Http http;
    private String carla;
    private String rudi;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        carla = http.login("carla.contrib", TestLore.PASSWORD);
        rudi = http.login("rudi.reader", TestLore.PASSWORD);
    }

    private JsonNode share(Map<String, Object> body, String token) {
        var r = http.post("/api/lessons", body, token);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void anArticleCreatedAsALessonKeepsItsKindAndIsFoundByTypeLesson() {
        var r = http.post(
                "/api/articles",
                Map.of("title", "Retry storms", "markdown", "We retried without jitter.", "kind", "lesson"),
                carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("kind").asText()).isEqualTo("lesson");
        http.post("/api/articles", Map.of("title", "Retry budgets", "markdown", "Retry with jitter."), carla);
        // an edit that does not name the kind keeps it
        var edit = http.put(
                "/api/articles/retry-storms",
                Map.of("markdown", "We retried without any jitter.", "baseRevision", 1),
                carla);
        assertThat(edit.json().get("kind").asText()).isEqualTo("lesson");
        assertThat(http.get("/api/articles/retry-budgets").json().get("kind").asText())
                .isEqualTo("article");

        JsonNode lessons = http.get("/api/search?q=retry+type%3Alesson").json();
        assertThat(slugs(lessons)).containsExactly("retry-storms");
        JsonNode all = http.get("/api/search?q=retry").json();
        assertThat(slugs(all)).containsExactlyInAnyOrder("retry-storms", "retry-budgets");
        assertThat(http.get("/api/search?q=retry&type=lesson").status()).isEqualTo(200);
        assertThat(all.toString()).contains("\"lesson\"");
    }

    @Test
    void aKindInFrontMatterMakesALessonAndAnUnknownKindIsRefused() {
        var r = http.post(
                "/api/articles",
                Map.of("markdown", "---\ntitle: Cache stampede\nkind: lesson\n---\nWe learned to lock."),
                carla);
        assertThat(r.json().get("kind").asText()).isEqualTo("lesson");
        var bad = http.post("/api/articles", Map.of("title", "X", "markdown", "x", "kind", "poem"), carla);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asText()).contains("kind must be article or lesson");
        var badSharing = http.post("/api/lessons", Map.of("title", "Y", "markdown", "y", "sharing", "everyone"), carla);
        assertThat(badSharing.status()).isEqualTo(400);
        var badIncident =
                http.post("/api/lessons", Map.of("title", "Y", "markdown", "y", "incident", "no-such-page"), carla);
        assertThat(badIncident.status()).isEqualTo(400);
    }

    @Test
    void aLessonAskingForReviewIsSeenOnlyByItsAuthorAndChampionsUntilApproved() {
        String chris = lore.person("chris", "Chris Champion", "Enablement", Role.CHAMPION);
        http.post("/api/articles", Map.of("title", "Checkout outage", "markdown", "The incident."), carla);
        JsonNode lesson = share(
                Map.of(
                        "title", "Feature flags need owners",
                        "markdown", "## What we learned\n\nAn unowned flag took checkout down.",
                        "skills", List.of("Feature flags"),
                        "review", true,
                        "incident", "Checkout outage"),
                carla);
        String slug = lesson.get("slug").asText();
        assertThat(lesson.get("review").asText()).isEqualTo("pending");
        assertThat(lesson.get("incident").asText()).isEqualTo("checkout-outage");
        lore.settle();

        assertThat(http.get("/api/lessons/" + slug, rudi).status()).isEqualTo(404);
        assertThat(http.get("/api/articles/" + slug, rudi).status()).isEqualTo(404);
        assertThat(http.get("/wiki/" + slug).status()).isEqualTo(404);
        assertThat(slugs(http.get("/api/search?q=unowned+flag").json())).isEmpty();
        assertThat(http.get("/api/skills/Feature%20flags", rudi).body()).doesNotContain(slug);
        String carlaCookies = http.browserSession("carla.contrib", TestLore.PASSWORD);
        assertThat(http.getWithCookies("/wiki/" + slug, carlaCookies).body()).contains("waits for a champion");

        JsonNode inbox = http.get("/api/notifications", chris).json().get("notifications");
        assertThat(kinds(inbox)).contains("lesson-review");
        assertThat(http.get("/api/lessons/review", chris)
                        .json()
                        .get("lessons")
                        .get(0)
                        .get("slug")
                        .asText())
                .isEqualTo(slug);
        assertThat(http.get("/api/lessons/review", rudi).status()).isEqualTo(403);
        assertThat(http.post("/api/lessons/" + slug + "/approve", Map.of(), carla)
                        .status())
                .isEqualTo(403);

        var approved = http.post("/api/lessons/" + slug + "/approve", Map.of(), chris);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("review").asText()).isEqualTo("approved");
        lore.settle();
        assertThat(http.get("/api/articles/" + slug, rudi).status()).isEqualTo(200);
        assertThat(slugs(http.get("/api/search?q=unowned+flag+type%3Alesson").json()))
                .containsExactly(slug);
        assertThat(http.post("/api/lessons/" + slug + "/approve", Map.of(), chris)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void readersMarkThatALessonWouldHaveSavedThemTimeOnceAndCanTakeItBack() {
        String slug = share(Map.of("title", "Backups we never restored", "markdown", "Test restores."), carla)
                .get("slug")
                .asText();
        String ana = lore.person("ana", "Ana Silva", "Data", Role.READER);
        assertThat(http.put("/api/lessons/" + slug + "/saved-time", Map.of(), rudi)
                        .json()
                        .get("count")
                        .asLong())
                .isEqualTo(1);
        assertThat(http.put("/api/lessons/" + slug + "/saved-time", Map.of(), rudi)
                        .json()
                        .get("count")
                        .asLong())
                .as("one per reader")
                .isEqualTo(1);
        assertThat(http.put("/api/lessons/" + slug + "/saved-time", Map.of(), ana)
                        .json()
                        .get("count")
                        .asLong())
                .isEqualTo(2);
        JsonNode shown = http.get("/api/lessons/" + slug, rudi).json().get("savedTime");
        assertThat(shown.get("count").asLong()).isEqualTo(2);
        assertThat(shown.get("mine").asBoolean()).isTrue();
        assertThat(http.delete("/api/lessons/" + slug + "/saved-time", rudi)
                        .json()
                        .get("count")
                        .asLong())
                .isEqualTo(1);
        String rudiCookies = http.browserSession("rudi.reader", TestLore.PASSWORD);
        assertThat(http.getWithCookies("/wiki/" + slug, rudiCookies).body())
                .contains("This would have saved me time")
                .contains("<span class=\"saved-count\">1</span>");

        http.post("/api/articles", Map.of("title", "Plain page", "markdown", "x"), carla);
        assertThat(http.put("/api/lessons/plain-page/saved-time", Map.of(), rudi)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void someoneWithoutATeamSharesAnonymously() {
        String lone = lore.person("lone", "Lou Nobody", "", Role.CONTRIBUTOR);
        JsonNode lesson = share(
                Map.of("title", "Silent cron failures", "markdown", "Nobody read the mail.", "sharing", "team"), lone);
        assertThat(lesson.get("sharedBy").get("name").asText()).isEqualTo("Shared anonymously");
        JsonNode page =
                http.get("/api/articles/" + lesson.get("slug").asText(), rudi).json();
        assertThat(page.toString())
                .contains("Shared anonymously")
                .doesNotContain("Lou Nobody")
                .doesNotContain("lone");
    }

    @Test
    void theNewLessonEditorStartsFromTheLessonTemplate() {
        String cookies = http.browserSession("carla.contrib", TestLore.PASSWORD);
        String form = http.getWithCookies("/lessons/new", cookies).body();
        assertThat(form)
                .contains("What we tried")
                .contains("What happened")
                .contains("What we learned")
                .contains("What we would do next time")
                .contains("Platform team");
    }

    @Test
    void theBundledSeedPackHasLessons() {
        lore.seed();
        lore.settle();
        JsonNode found = http.get("/api/search?q=type%3Alesson&limit=20").json();
        assertThat(slugs(found)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(http.get("/api/lessons?skill=Kafka").json().get("lessons").toString())
                .contains("retention");
    }

    private static List<String> slugs(JsonNode results) {
        var out = new ArrayList<String>();
        results.get("hits").forEach(h -> out.add(h.get("slug").asText()));
        return out;
    }

    private static List<String> kinds(JsonNode notifications) {
        var out = new ArrayList<String>();
        notifications.forEach(n -> out.add(n.get("kind").asText()));
        return out;
    }
}
