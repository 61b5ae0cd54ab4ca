package dev.lore.server.curation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.article.ArticleInput;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Verification of pages, skill descriptions and what colleagues read this week. */
@ExtendWith(TestLore.class)
class CurationIT {
    private TestLore.Running lore;
    private Http http;
    private String carla;
    private String rudi;
    private String admin;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        carla = http.login("carla.contrib", TestLore.PASSWORD);
        rudi = http.login("rudi.reader", TestLore.PASSWORD);
        admin = http.login("admin", TestLore.PASSWORD);
    }

    /** An article by Carla, owned by {@code owner}, created {@code daysAgo} days ago. */
    private String article(String title, Optional<String> owner, int daysAgo) {
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
                        Instant.now().minus(Duration.ofDays(daysAgo)))
                .slug();
    }

    private List<String> staleSlugs(String token) {
        var r = http.get("/api/curation/stale", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("stale").findValuesAsText("slug");
    }

    @Test
    void aPagePastItsReviewIntervalIsListedUntilItsOwnerVerifiesIt() {
        String old = article("VPN setup", Optional.of("carla.contrib"), 200);
        String fresh = article("Laptop setup", Optional.of("carla.contrib"), 10);

        assertThat(staleSlugs(carla)).containsExactly(old);
        var status = http.get("/api/articles/" + old + "/verification").json();
        assertThat(status.get("stale").asBoolean()).isTrue();
        assertThat(status.get("daysOverdue").asInt()).isBetween(19, 21);
        assertThat(status.get("verifiedAt").isNull()).isTrue();

        var verified = http.post("/api/articles/" + old + "/verify", Map.of(), carla);

        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("stale").asBoolean()).isFalse();
        assertThat(verified.json().get("verifiedBy").asText()).isEqualTo("carla.contrib");
        assertThat(staleSlugs(carla)).isEmpty();
        assertThat(http.get("/api/articles/" + fresh + "/verification")
                        .json()
                        .get("stale")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void onlyTheOwnerOrAChampionMayVerify() {
        String slug = article("Release checklist", Optional.of("carla.contrib"), 300);

        assertThat(http.post("/api/articles/" + slug + "/verify", Map.of(), rudi)
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/api/articles/" + slug + "/verify", Map.of(), null)
                        .status())
                .isEqualTo(401);
        assertThat(http.post("/api/articles/" + slug + "/verify", Map.of(), admin)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aShorterReviewIntervalMakesAPageDueSooner() {
        String slug = article("Pager rotation", Optional.of("carla.contrib"), 1);

        var r = http.post("/api/articles/" + slug + "/verify", Map.of("reviewDays", 30), carla);

        assertThat(r.json().get("reviewDays").asInt()).isEqualTo(30);
        assertThat(Instant.parse(r.json().get("dueAt").asText()))
                .isBetween(
                        Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));
    }

    @Test
    void badVerificationRequestsGetClearErrors() {
        String slug = article("Expense policy", Optional.of("carla.contrib"), 1);

        var tooShort = http.post("/api/articles/" + slug + "/verify", Map.of("reviewDays", 1), carla);
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("detail").asText()).contains("reviewDays must be 7-730, was 1");
        assertThat(http.raw("POST", "/api/articles/" + slug + "/verify", "{nope", "application/json", carla)
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/api/articles/no-such-page/verify", Map.of(), carla)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theArticlePageMarksAStalePageAndOffersItsOwnerTheVerifyButton() {
        String slug = article("Office wifi", Optional.of("carla.contrib"), 400);
        String cookies = http.browserSession("carla.contrib", TestLore.PASSWORD);

        String asReader = http.get("/wiki/" + slug).body();
        String asOwner = http.getWithCookies("/wiki/" + slug, cookies).body();

        assertThat(asReader)
                .contains("This page may be out of date")
                .contains("Not verified yet")
                .doesNotContain("/verify\"");
        assertThat(asOwner).contains("action=\"/wiki/" + slug + "/verify\"");

        var verify = http.form("/wiki/" + slug + "/verify", Map.of("_csrf", Http.csrfOf(cookies)), cookies);
        assertThat(verify.status()).isEqualTo(303);
        assertThat(http.get("/wiki/" + slug).body())
                .doesNotContain("This page may be out of date")
                .contains("Verified just now by <a href=\"/people/carla.contrib\">Carla Contributor</a>");
        assertThat(http.getWithCookies("/curation/stale", cookies).body()).contains("Nothing is past due");
    }

    @Test
    void championsDescribeSkillsAndEveryoneSeesTheDescription() {
        http.post(
                "/api/articles",
                Map.of("title", "Kafka basics", "markdown", "Topics.", "skills", List.of("Kafka")),
                carla);
        String champion = lore.person("cham", "Cham Pion", "Platform", Role.CHAMPION);
        String text = "The event streaming platform behind our pipelines.";

        assertThat(http.put("/api/skills/kafka", Map.of("description", text), carla)
                        .status())
                .isEqualTo(403);
        var described = http.put("/api/skills/kafka", Map.of("description", text), champion);
        assertThat(described.status()).as(described.body()).isEqualTo(200);

        assertThat(http.get("/api/skills/Kafka").json().get("description").asText())
                .isEqualTo(text);
        assertThat(http.get("/skills/Kafka").body()).contains(text);
        var tooLong = http.put("/api/skills/kafka", Map.of("description", "x".repeat(1001)), champion);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("detail").asText()).contains("at most 1000 characters, was 1001");
        assertThat(http.put("/api/skills/no-such-skill", Map.of("description", text), champion)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theHomePageShowsWhatMostColleaguesReadThisWeek() {
        String a = article("Deploy guide", Optional.empty(), 1);
        String b = article("Coffee machine", Optional.empty(), 1);
        String c = article("Old favourite", Optional.empty(), 1);
        var store = new dev.lore.graph.expertise.ExpertiseStore(lore.lore().graph()).reads();
        Instant now = Instant.now();
        store.recordRead("carla.contrib", a, now);
        store.recordRead("rudi.reader", a, now);
        store.recordRead("rudi.reader", b, now);
        store.recordRead("rudi.reader", b, now); // the same person twice counts once
        store.recordRead("carla.contrib", c, now.minus(Duration.ofDays(8)));

        assertThat(store.popular(now.minus(Duration.ofDays(7)), 5))
                .extracting(p -> p.slug() + "=" + p.readers())
                .containsExactly(a + "=2", b + "=1");
        String home = http.get("/").body();
        assertThat(home)
                .contains("Popular this week")
                .contains("read by 2 people")
                .contains("read by 1 person");
        assertThat(home.indexOf("Deploy guide")).isLessThan(home.indexOf("Coffee machine"));
    }
}
