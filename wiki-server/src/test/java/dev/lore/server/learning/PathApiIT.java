package dev.lore.server.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.Lore;
import dev.lore.server.auth.Role;
import dev.lore.server.seed.Progress;
import dev.lore.server.seed.SeedPack;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Learning paths built by champions and followed by learners, and featured collections. */
@ExtendWith(TestLore.class)
class PathApiIT {
    private TestLore.Running lore;
    private Http http;
    private String champion;
    private String carla;
    private String rudi;
    private String laptop;
    private String vpn;
    private String questionId;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        lore.lore()
                .people()
                .create(
                        "cora.champion",
                        "Cora Champion",
                        "cora@example.test",
                        "Enablement",
                        "Community lead",
                        Role.CHAMPION,
                        Optional.of(TestLore.PASSWORD));
        champion = http.login("cora.champion", TestLore.PASSWORD);
        carla = http.login("carla.contrib", TestLore.PASSWORD);
        rudi = http.login("rudi.reader", TestLore.PASSWORD);
        laptop = article("Laptop setup", List.of("Onboarding"));
        vpn = article("VPN access", List.of("Onboarding"));
        var asked = http.post("/api/questions", Map.of("title", "Which Slack channels should I join?"), carla);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        questionId = asked.json().get("id").asText();
    }

    private String article(String title, List<String> skills) {
        var r = http.post(
                "/api/articles",
                Map.of("title", title, "markdown", "How to do " + title + ".", "skills", skills),
                carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("slug").asText();
    }

    private static Map<String, Object> step(String kind, String ref, String prompt) {
        var step = new HashMap<String, Object>();
        step.put("kind", kind);
        step.put("ref", ref);
        if (prompt != null) {
            step.put("prompt", prompt);
        }
        return step;
    }

    private Map<String, Object> onboarding(String title) {
        return Map.of(
                "title",
                title,
                "description",
                "Your first days.",
                "level",
                "newcomer",
                "skill",
                "Onboarding",
                "steps",
                List.of(
                        step("article", laptop, "What took longest?"),
                        step("question", questionId, null),
                        step("article", vpn, "Did it work first time?")));
    }

    private String build(String title) {
        var r = http.post("/api/paths", onboarding(title), champion);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private Http.Response progress(String path, Map<String, Object> body, String token) {
        return http.post("/api/paths/" + path + "/progress", body, token);
    }

    private List<String> mentionsOf(String token) {
        return http.get("/api/notifications", token).json().get("notifications").findValues("kind").stream()
                .map(JsonNode::asText)
                .filter("mention"::equals)
                .toList();
    }

    @Test
    void aSharedReflectionsMentionsNotifyOnceAndLinkToTheProfile() {
        String id = build("Mentioned");
        String thanks = "Thanks @carla.contrib for the VPN tip, and @nobody.here.";

        progress(id, Map.of("step", 1, "done", true, "reflection", thanks), rudi);
        assertThat(mentionsOf(carla)).as("a private reflection tells nobody").isEmpty();

        progress(id, Map.of("step", 1, "done", true, "shared", true), rudi);
        progress(id, Map.of("step", 1, "done", true, "reflection", thanks + " Again."), rudi);
        assertThat(mentionsOf(carla))
                .as("once, when the mention is first shared")
                .hasSize(1);

        String page = http.get("/paths/" + id, carla).body();
        assertThat(page)
                .contains("<a href=\"/people/carla.contrib\" class=\"mention\">@carla.contrib</a>")
                .doesNotContain("/people/nobody.here");
    }

    @Test
    void aChampionBuildsAPathOfArticlesAndQuestionsInOrder() {
        var created = http.post("/api/paths", onboarding("First week"), champion);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode path = created.json();
        assertThat(created.header("Location"))
                .contains("/api/paths/" + path.get("id").asText());
        assertThat(path.get("level").asText()).isEqualTo("newcomer");
        assertThat(path.get("skill").asText()).isEqualTo("Onboarding");
        assertThat(path.get("createdBy").get("name").asText()).isEqualTo("Cora Champion");
        assertThat(path.get("steps").findValuesAsText("title"))
                .containsExactly("Laptop setup", "Which Slack channels should I join?", "VPN access");
        assertThat(path.get("steps").findValuesAsText("kind")).containsExactly("article", "question", "article");
        assertThat(path.get("steps").get(0).get("url").asText()).isEqualTo("/wiki/" + laptop);
        assertThat(path.get("steps").get(0).get("prompt").asText()).isEqualTo("What took longest?");
        assertThat(path.get("steps").get(1).get("prompt").isNull()).isTrue();

        var list = http.get("/api/paths").json().get("paths");
        assertThat(list.findValuesAsText("title")).containsExactly("First week");
        assertThat(list.get(0).get("steps").asInt()).isEqualTo(3);
        assertThat(list.get(0).get("progress").isNull()).isTrue();
    }

    @Test
    void onlyChampionsBuildAndEditPaths() {
        assertThat(http.post("/api/paths", onboarding("Mine"), rudi).status()).isEqualTo(403);
        assertThat(http.post("/api/paths", onboarding("Mine"), carla).status()).isEqualTo(403);
        assertThat(http.post("/api/paths", onboarding("Mine"), null).status()).isEqualTo(401);
        String id = build("Theirs");
        assertThat(http.put("/api/paths/" + id, onboarding("Changed"), carla).status())
                .isEqualTo(403);
        assertThat(http.get("/api/paths").json().get("paths").findValuesAsText("title"))
                .containsExactly("Theirs");
    }

    @Test
    void aLearnerMarksStepsDoneAndSeesTheirProgress() {
        String id = build("First week");

        var marked = progress(id, Map.of("step", 1, "done", true), rudi);
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(marked.json().get("done").asInt()).isEqualTo(1);
        progress(id, Map.of("step", 3, "done", true), rudi);

        var mine = http.get("/api/paths/" + id + "/progress", rudi).json();
        assertThat(mine.get("done").asInt()).isEqualTo(2);
        assertThat(mine.get("total").asInt()).isEqualTo(3);
        assertThat(mine.get("percent").asInt()).isEqualTo(67);
        assertThat(mine.get("steps").findValuesAsText("step")).containsExactly("1", "3");
        var listed = http.get("/api/paths", rudi).json().get("paths").get(0).get("progress");
        assertThat(listed.get("done").asInt()).isEqualTo(2);
        assertThat(listed.get("following").asBoolean()).isTrue();
        var path = http.get("/api/paths/" + id, rudi).json();
        assertThat(path.get("steps").findValuesAsText("done")).containsExactly("true", "false", "true");

        progress(id, Map.of("step", 3, "done", false), rudi);
        assertThat(http.get("/api/paths/" + id + "/progress", rudi)
                        .json()
                        .get("done")
                        .asInt())
                .isEqualTo(1);
        assertThat(http.get("/api/paths/" + id + "/progress", carla)
                        .json()
                        .get("done")
                        .asInt())
                .isZero();
    }

    @Test
    void reflectionsArePrivateUnlessTheLearnerSharesThem() {
        String id = build("First week");
        progress(id, Map.of("step", 1, "done", true, "reflection", "The VPN client took me an hour."), rudi);

        var own = http.get("/api/paths/" + id, rudi).json().get("steps").get(0);
        assertThat(own.get("reflection").asText()).isEqualTo("The VPN client took me an hour.");
        assertThat(own.get("shared").asBoolean()).isFalse();
        assertThat(http.get("/api/paths/" + id, carla).body()).doesNotContain("took me an hour");
        assertThat(http.get("/api/paths/" + id).body()).doesNotContain("took me an hour");
        assertThat(http.get("/paths/" + id).body()).doesNotContain("took me an hour");

        progress(id, Map.of("step", 1, "done", true, "shared", true), rudi);

        var seen = http.get("/api/paths/" + id, carla).json().get("steps").get(0);
        assertThat(seen.get("reflection").isNull()).isTrue();
        assertThat(seen.get("sharedReflections")).hasSize(1);
        assertThat(seen.get("sharedReflections").get(0).get("reflection").asText())
                .isEqualTo("The VPN client took me an hour.");
        assertThat(seen.get("sharedReflections")
                        .get(0)
                        .get("person")
                        .get("name")
                        .asText())
                .isEqualTo("Rudi Reader");
        assertThat(http.get("/paths/" + id).body()).contains("took me an hour").contains("Rudi Reader");
    }

    @Test
    void badPathsAreRefusedWithTheReason() {
        var unknown = http.post(
                "/api/paths",
                Map.of(
                        "title",
                        "T",
                        "level",
                        "newcomer",
                        "steps",
                        List.of(step("article", laptop, null), step("article", "no-such-page", null))),
                champion);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("step 2").contains("no-such-page");

        var unknownQuestion = http.post(
                "/api/paths",
                Map.of("title", "T", "level", "newcomer", "steps", List.of(step("question", "nope", null))),
                champion);
        assertThat(unknownQuestion.json().get("detail").asText()).contains("step 1");

        var empty = http.post(
                "/api/paths",
                Map.of("title", " ", "level", "newcomer", "steps", List.of(step("article", laptop, null))),
                champion);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asText()).contains("title must be 1-200 characters, was 0");

        var many = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 51; i++) {
            many.add(step("article", laptop, null));
        }
        var tooMany = http.post("/api/paths", Map.of("title", "T", "level", "newcomer", "steps", many), champion);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("detail").asText()).contains("1-50 steps, was 51");

        var none = http.post("/api/paths", Map.of("title", "T", "level", "newcomer", "steps", List.of()), champion);
        assertThat(none.status()).isEqualTo(400);
        var level = http.post(
                "/api/paths",
                Map.of("title", "T", "level", "expert", "steps", List.of(step("article", laptop, null))),
                champion);
        assertThat(level.json().get("detail").asText()).contains("level must be newcomer or practitioner");
        var kind = http.post(
                "/api/paths",
                Map.of("title", "T", "level", "newcomer", "steps", List.of(step("video", laptop, null))),
                champion);
        assertThat(kind.json().get("detail").asText()).contains("step 1: kind must be article, lesson or question");
        assertThat(http.raw("POST", "/api/paths", "{nope", "application/json", champion)
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/api/paths").json().get("paths")).isEmpty();
    }

    @Test
    void badProgressIsRefusedWithTheReason() {
        String id = build("First week");

        var long_ = progress(id, Map.of("step", 1, "done", true, "reflection", "x".repeat(2_001)), rudi);
        assertThat(long_.status()).isEqualTo(400);
        assertThat(long_.json().get("detail").asText()).contains("at most 2000 characters, was 2001");
        assertThat(progress(id, Map.of("step", 1, "done", true, "reflection", "x".repeat(2_000)), rudi)
                        .status())
                .isEqualTo(200);
        assertThat(progress(id, Map.of("step", 4, "done", true), rudi)
                        .json()
                        .get("detail")
                        .asText())
                .contains("step must be 1-3, was 4");
        assertThat(progress(id, Map.of("step", 1), rudi).status()).isEqualTo(400);
        assertThat(progress(id, Map.of("done", true), rudi).status()).isEqualTo(400);
        assertThat(progress(id, Map.of("step", 1, "done", true), null).status()).isEqualTo(401);
    }

    @Test
    void anUnknownPathIsNotFound() {
        assertThat(http.get("/api/paths/no-such-path").status()).isEqualTo(404);
        assertThat(http.get("/api/paths/no-such-path/progress", rudi).status()).isEqualTo(404);
        assertThat(progress("no-such-path", Map.of("step", 1, "done", true), rudi)
                        .status())
                .isEqualTo(404);
        assertThat(http.put("/api/paths/no-such-path", onboarding("X"), champion)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/paths/no-such-path").status()).isEqualTo(404);
    }

    @Test
    void editingAPathKeepsProgressOnTheStepsThatStay() {
        String id = build("First week");
        progress(id, Map.of("step", 3, "done", true, "reflection", "Worked first time."), rudi);

        var edited = http.put(
                "/api/paths/" + id,
                Map.of(
                        "title",
                        "First days",
                        "level",
                        "newcomer",
                        "steps",
                        List.of(step("article", vpn, "Did it work?"), step("article", laptop, null))),
                champion);

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("title").asText()).isEqualTo("First days");
        assertThat(edited.json().get("steps").findValuesAsText("title")).containsExactly("VPN access", "Laptop setup");
        var mine = http.get("/api/paths/" + id + "/progress", rudi).json();
        assertThat(mine.get("done").asInt()).isEqualTo(1);
        assertThat(mine.get("total").asInt()).isEqualTo(2);
        assertThat(mine.get("steps").get(0).get("step").asInt()).isEqualTo(1);
        assertThat(mine.get("steps").get(0).get("reflection").asText()).isEqualTo("Worked first time.");
    }

    @Test
    void aRenamedArticleStaysInItsPath() {
        String id = build("First week");
        var current = http.get("/api/articles/" + laptop).json();
        var renamed = http.put(
                "/api/articles/" + laptop,
                Map.of(
                        "title", "Laptop and tools setup",
                        "markdown", "New text.",
                        "baseRevision", current.get("revision").asInt()),
                carla);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);

        var step = http.get("/api/paths/" + id).json().get("steps").get(0);
        assertThat(step.get("title").asText()).isEqualTo("Laptop and tools setup");
        assertThat(step.get("ref").asText())
                .isEqualTo(renamed.json().get("slug").asText());
    }

    @Test
    void theHomePageShowsANewHireTheirOnboardingPathWithProgress() {
        String older = build("Older onboarding");
        String newer = build("Newest onboarding");
        String cookies = http.browserSession("rudi.reader", TestLore.PASSWORD);

        String home = http.getWithCookies("/", cookies).body();
        assertThat(home)
                .contains("Your onboarding path")
                .contains("Newest onboarding")
                .contains("0 of 3 steps done");

        progress(older, Map.of("step", 1, "done", true), rudi);
        String after = http.getWithCookies("/", cookies).body();
        assertThat(after)
                .contains("Older onboarding")
                .contains("1 of 3 steps done")
                .doesNotContain("Newest onboarding");
        assertThat(http.get("/").body()).doesNotContain("Your onboarding path");
        assertThat(newer).isNotEqualTo(older);
    }

    @Test
    void aChampionBuildsAPathWithTheFormAndALearnerMarksAStepWithoutJavaScript() {
        String cora = http.browserSession("cora.champion", TestLore.PASSWORD);
        var refused = http.form(
                "/paths",
                Map.of(
                        "title",
                        "Form path",
                        "level",
                        "newcomer",
                        "steps",
                        "article: " + laptop + "\narticle: nope",
                        "_csrf",
                        Http.csrfOf(cora)),
                cora);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("step 2").contains("Form path");

        var created = http.form(
                "/paths",
                Map.of(
                        "title", "Form path",
                        "level", "newcomer",
                        "skill", "",
                        "steps",
                                "article: " + laptop + " | What took longest?\nquestion: " + questionId + "\n/wiki/"
                                        + vpn,
                        "_csrf", Http.csrfOf(cora)),
                cora);
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        String location = created.header("Location").orElseThrow();
        String id = location.substring("/paths/".length());
        assertThat(http.get("/api/paths/" + id).json().get("steps").findValuesAsText("kind"))
                .containsExactly("article", "question", "article");

        String rudiCookies = http.browserSession("rudi.reader", TestLore.PASSWORD);
        var marked = http.form(
                "/paths/" + id + "/steps/1",
                Map.of("done", "true", "reflection", "An hour for Docker.", "_csrf", Http.csrfOf(rudiCookies)),
                rudiCookies);
        assertThat(marked.status()).isEqualTo(303);
        String page = http.getWithCookies("/paths/" + id, rudiCookies).body();
        assertThat(page).contains("1 of 3 steps done").contains("An hour for Docker.");
        assertThat(http.getWithCookies("/paths/new", rudiCookies).status()).isEqualTo(403);
    }

    @Test
    void featuredCollectionsShowOnTheHomePageAndOnTheirSkillPage() {
        String kafka = article("Kafka consumer groups", List.of("Kafka"));
        var created = http.post(
                "/api/collections",
                Map.of(
                        "title",
                        "Kafka essentials",
                        "skill",
                        "kafka",
                        "onHome",
                        true,
                        "articles",
                        List.of(kafka, laptop)),
                champion);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("articles").findValuesAsText("slug")).containsExactly(kafka, laptop);
        http.post(
                "/api/collections",
                Map.of("title", "Hidden gems", "onHome", false, "articles", List.of(vpn)),
                champion);

        String home = http.get("/").body();
        assertThat(home)
                .contains("Kafka essentials")
                .contains("Kafka consumer groups")
                .doesNotContain("Hidden gems");
        String skill = http.get("/skills/Kafka").body();
        assertThat(skill).contains("Kafka essentials");
        assertThat(http.get("/skills/Onboarding").body()).doesNotContain("Kafka essentials");
        var bySkill = http.get("/api/collections?skill=Kafka").json().get("collections");
        assertThat(bySkill).hasSize(1);
        assertThat(bySkill.get(0).get("title").asText()).isEqualTo("Kafka essentials");

        String id = created.json().get("id").asText();
        var edited = http.put(
                "/api/collections/" + id,
                Map.of("title", "Kafka basics", "skill", "Kafka", "onHome", false, "articles", List.of(kafka)),
                champion);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(http.get("/").body()).doesNotContain("Kafka basics");
    }

    @Test
    void onlyChampionsCurateCollectionsAndUnknownArticlesAreRefused() {
        var body = Map.of("title", "Picks", "onHome", true, "articles", List.of(laptop));
        assertThat(http.post("/api/collections", body, carla).status()).isEqualTo(403);
        assertThat(http.post("/api/collections", body, null).status()).isEqualTo(401);
        var unknown = http.post(
                "/api/collections",
                Map.of("title", "Picks", "onHome", true, "articles", List.of(laptop, "no-such-page")),
                champion);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("no-such-page");
        assertThat(http.get("/api/collections/nope").status()).isEqualTo(404);
    }

    @Test
    void theSeedPackBringsAnOnboardingPathAndAFeaturedCollection() {
        lore.seed(); // replaces what setUp made: the pack alone
        SeedPack.load(lore.lore().importer(), Lore.ADMIN_ID, Progress.NONE); // and again, for real

        var paths = http.get("/api/paths").json().get("paths");
        assertThat(paths).hasSize(1);
        assertThat(paths.get(0).get("level").asText()).isEqualTo("newcomer");
        assertThat(paths.get(0).get("steps").asInt()).isGreaterThanOrEqualTo(5);
        var collections = http.get("/api/collections?home=true").json().get("collections");
        assertThat(collections).hasSize(1);
        assertThat(collections.get(0).get("articles").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anArticleOffersToMarkItsStepDoneOnlyToFollowersWhoHaveNotDoneIt() {
        var built = http.post(
                "/api/paths",
                Map.of(
                        "title",
                        "Access basics",
                        "level",
                        "newcomer",
                        "steps",
                        List.of(step("article", vpn, null), step("article", laptop, "What was missing?"))),
                champion);
        assertThat(built.status()).as(built.body()).isEqualTo(201);
        String id = built.json().get("id").asText();
        String rudiPage = http.browserSession("rudi.reader", TestLore.PASSWORD);
        String carlaPage = http.browserSession("carla.contrib", TestLore.PASSWORD);

        assertThat(http.get("/wiki/" + laptop).body()).doesNotContain("Mark this step done");
        assertThat(http.getWithCookies("/wiki/" + laptop, rudiPage).body()).doesNotContain("Mark this step done");

        http.post("/api/paths/" + id + "/progress", Map.of("step", 1, "done", true, "reflection", "Easy."), rudi);
        String page = http.getWithCookies("/wiki/" + laptop, rudiPage).body();
        assertThat(page).contains("Mark this step done").contains("action=\"/paths/" + id + "/steps/2/done\"");
        assertThat(http.getWithCookies("/wiki/" + vpn, rudiPage).body()).doesNotContain("Mark this step done");
        assertThat(http.getWithCookies("/wiki/" + laptop, carlaPage).body()).doesNotContain("Mark this step done");

        var marked = http.form(
                "/paths/" + id + "/steps/2/done",
                Map.of("_csrf", Http.csrfOf(rudiPage), "back", "/wiki/" + laptop),
                rudiPage);
        assertThat(marked.status()).isEqualTo(303);
        // the confirmation page, which offers the next step and the way back
        assertThat(marked.header("Location")).hasValue("/paths/" + id + "/steps/2/done?back=%2Fwiki%2F" + laptop);
        JsonNode progress = http.get("/api/paths/" + id + "/progress", rudi).json();
        assertThat(progress.get("done").asInt()).isEqualTo(2);
        assertThat(progress.get("steps").get(0).get("reflection").asText()).isEqualTo("Easy.");
        assertThat(http.getWithCookies("/wiki/" + laptop, rudiPage).body()).doesNotContain("Mark this step done");
        assertThat(http.form("/paths/" + id + "/steps/9/done", Map.of("_csrf", Http.csrfOf(rudiPage)), rudiPage)
                        .status())
                .isEqualTo(400);
    }
}
