package dev.lore.server.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestLore.class)
class ArticleApiIT {
    private Http http;
    private String carla;

    @BeforeEach
    void signIn(Http http) {
        this.http = http;
        this.carla = http.login("carla.contrib", TestLore.PASSWORD);
    }

    private JsonNode create(String title, String markdown) {
        var r = http.post("/api/articles", Map.of("title", title, "markdown", markdown), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void createsAndReadsAnArticleWithRenderedHtml() {
        JsonNode created = create("Kafka consumer groups", "# Intro\n\nPartitions are **shared**.");

        assertThat(created.get("slug").asText()).isEqualTo("kafka-consumer-groups");
        assertThat(created.get("revision").asInt()).isEqualTo(1);
        JsonNode read = http.get("/api/articles/kafka-consumer-groups").json();
        assertThat(read.get("title").asText()).isEqualTo("Kafka consumer groups");
        assertThat(read.get("html").asText())
                .contains("<strong>shared</strong>")
                .contains("id=\"intro\"");
        assertThat(read.get("contributors").get(0).get("id").asText()).isEqualTo("carla.contrib");
    }

    @Test
    void giveSecondArticleWithSameTitleAUniqueSlug() {
        create("On-call", "first");
        JsonNode second = create("On-call", "second");
        assertThat(second.get("slug").asText()).isEqualTo("on-call-2");
    }

    @Test
    void takesTitleTagsAndSkillsFromFrontMatter() {
        var r = http.post(
                "/api/articles",
                Map.of(
                        "markdown",
                        "---\ntitle: From front matter\ntags: [Onboarding, setup]\nskills: [Java]\nowner: carla.contrib\n---\nBody"),
                carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("title").asText()).isEqualTo("From front matter");
        assertThat(r.json().get("tags")).extracting(JsonNode::asText).containsExactly("onboarding", "setup");
        assertThat(r.json().get("skills")).extracting(JsonNode::asText).containsExactly("Java");
        assertThat(r.json().get("owner").asText()).isEqualTo("carla.contrib");
        assertThat(r.json().get("html").asText()).doesNotContain("title:");
    }

    @Test
    void updatesOnTheCurrentRevisionAndKeepsHistory() {
        create("Code review", "v1");
        var r = http.put(
                "/api/articles/code-review", Map.of("markdown", "v2", "baseRevision", 1, "message", "tighten"), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("revision").asInt()).isEqualTo(2);

        JsonNode revisions =
                http.get("/api/articles/code-review/revisions").json().get("revisions");
        assertThat(revisions).extracting(n -> n.get("revision").asInt()).containsExactly(2, 1);
        assertThat(revisions.get(0).get("message").asText()).isEqualTo("tighten");
        assertThat(http.get("/api/articles/code-review/revisions/1")
                        .json()
                        .get("markdown")
                        .asText())
                .isEqualTo("v1");
    }

    @Test
    void rejectsEditOnStaleRevisionAndLosesNothing() {
        create("Deploys", "v1");
        http.put("/api/articles/deploys", Map.of("markdown", "v2 by someone", "baseRevision", 1), carla);

        var stale = http.put("/api/articles/deploys", Map.of("markdown", "my edit", "baseRevision", 1), carla);

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("error").asText()).isEqualTo("conflict");
        assertThat(stale.json().get("currentRevision").asInt()).isEqualTo(2);
        assertThat(http.get("/api/articles/deploys").json().get("markdown").asText())
                .isEqualTo("v2 by someone");
        var retried = http.put("/api/articles/deploys", Map.of("markdown", "my edit", "baseRevision", 2), carla);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("revision").asInt()).isEqualTo(3);
    }

    @Test
    void concurrentEditsOnTheSameRevisionLetExactlyOneWin() throws Exception {
        create("Race", "v1");
        var statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<Integer>());
        var threads = new java.util.ArrayList<Thread>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            threads.add(Thread.ofPlatform()
                    .start(() -> statuses.add(
                            http.put("/api/articles/race", Map.of("markdown", "edit " + n, "baseRevision", 1), carla)
                                    .status())));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(http.get("/api/articles/race").json().get("revision").asInt())
                .isEqualTo(2);
    }

    @Test
    void renameKeepsTheOldSlugWorkingAsRedirect() {
        create("Old name", "text");
        var r = http.put(
                "/api/articles/old-name", Map.of("title", "New name", "markdown", "text", "baseRevision", 1), carla);
        assertThat(r.json().get("slug").asText()).isEqualTo("new-name");

        JsonNode viaOld = http.get("/api/articles/old-name").json();
        assertThat(viaOld.get("slug").asText()).isEqualTo("new-name");
        assertThat(viaOld.get("redirectedFrom").asText()).isEqualTo("old-name");
        var page = http.get("/wiki/old-name");
        assertThat(page.status()).isEqualTo(301);
        assertThat(page.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/wiki/new-name"));
    }

    @Test
    void softDeleteHidesTheArticleButFreesItsName() {
        create("Temporary", "text");
        assertThat(http.delete("/api/articles/temporary", carla).status()).isEqualTo(204);
        assertThat(http.get("/api/articles/temporary").status()).isEqualTo(404);
        assertThat(http.get("/api/articles").json().get("total").asInt()).isZero();
        assertThat(create("Temporary", "again").get("slug").asText()).isEqualTo("temporary");
    }

    @Test
    void diffsTwoRevisionsLineByLine() {
        create("Diffs", "alpha\nbeta\ngamma\n");
        http.put("/api/articles/diffs", Map.of("markdown", "alpha\nBETA\ngamma\ndelta\n", "baseRevision", 1), carla);

        JsonNode diff = http.get("/api/articles/diffs/diff?from=1&to=2").json();

        assertThat(diff.get("added").asInt()).isEqualTo(2);
        assertThat(diff.get("removed").asInt()).isEqualTo(1);
        assertThat(diff.get("lines"))
                .extracting(l -> l.get("kind").asText() + ":" + l.get("text").asText())
                .containsExactly("same:alpha", "removed:beta", "added:BETA", "same:gamma", "added:delta");
    }

    @Test
    void restoresAnOldRevisionAsANewOne() {
        create("Restore me", "original");
        http.put("/api/articles/restore-me", Map.of("markdown", "vandalised", "baseRevision", 1), carla);

        var r = http.post("/api/articles/restore-me/revisions/1/restore", Map.of(), carla);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("revision").asInt()).isEqualTo(3);
        assertThat(r.json().get("markdown").asText()).isEqualTo("original");
    }

    @Test
    void wikiLinksResolveAndBacklinksAreListed() {
        create("Runbook", "See [[Kafka Basics]] and [[Missing Page|the missing one]].");
        JsonNode before = http.get("/api/articles/runbook").json();
        assertThat(before.get("html").asText())
                .contains("class=\"wiki-missing\"")
                .contains("/new?title=Missing+Page")
                .contains("the missing one");

        create("Kafka basics", "Topics and partitions.");

        JsonNode after = http.get("/api/articles/runbook").json();
        assertThat(after.get("html").asText()).contains("href=\"/wiki/kafka-basics\"");
        JsonNode target = http.get("/api/articles/kafka-basics").json();
        assertThat(target.get("backlinks"))
                .extracting(b -> b.get("slug").asText())
                .containsExactly("runbook");
    }

    @Test
    void readersCannotWriteAndAnonymousMustSignIn() {
        String rudi = http.login("rudi.reader", TestLore.PASSWORD);
        var asReader = http.post("/api/articles", Map.of("title", "Nope", "markdown", "x"), rudi);
        assertThat(asReader.status()).isEqualTo(403);
        assertThat(asReader.json().get("error").asText()).isEqualTo("forbidden");
        var anonymous = http.post("/api/articles", Map.of("title", "Nope", "markdown", "x"), null);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void badInputGetsAClearErrorNeverA500() {
        create("Exists", "x");
        var cases = List.of(
                http.raw("POST", "/api/articles", "{not json", "application/json", carla),
                http.raw("POST", "/api/articles", "", "application/json", carla),
                http.raw("POST", "/api/articles", "null", "application/json", carla),
                http.raw("POST", "/api/articles", "[1,2]", "application/json", carla),
                http.post("/api/articles", Map.of("title", "", "markdown", "x"), carla),
                http.post("/api/articles", Map.of("title", "x".repeat(201), "markdown", "x"), carla),
                http.post("/api/articles", Map.of("title", "No body"), carla),
                http.post("/api/articles", Map.of("title", "T", "markdown", "x", "tags", "not-a-list"), carla),
                http.post("/api/articles", Map.of("title", Map.of("nested", true), "markdown", "x"), carla),
                http.put("/api/articles/exists", Map.of("markdown", "y"), carla),
                http.put("/api/articles/exists", Map.of("markdown", "y", "baseRevision", "two"), carla),
                http.get("/api/articles/exists/revisions/abc"),
                http.get("/api/articles/exists/diff?from=1&to=x"),
                http.get("/api/articles?limit=-5"));
        for (Http.Response r : cases) {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).isEqualTo("bad_request");
            assertThat(r.json().get("detail").asText()).isNotBlank();
        }
        assertThat(http.get("/api/articles/no-such-page").status()).isEqualTo(404);
        assertThat(http.get("/api/articles/exists/revisions/99").status()).isEqualTo(404);
        assertThat(http.get("/api/articles/%2e%2e%2f%00").status()).isIn(400, 404);
    }

    @Test
    void oversizedBodiesGet413AndTheArticleIsUnchanged() {
        create("Big", "small");
        String huge = "x".repeat((1 << 20) + 1);
        var tooBig = http.put("/api/articles/big", Map.of("markdown", huge, "baseRevision", 1), carla);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().get("error").asText()).isEqualTo("too_large");
        var wayTooBig = http.raw(
                "POST", "/api/articles", "{\"markdown\":\"" + "y".repeat(5 << 20) + "\"}", "application/json", carla);
        assertThat(wayTooBig.status()).isEqualTo(413);
        assertThat(http.get("/api/articles/big").json().get("markdown").asText())
                .isEqualTo("small");
        String justFits = "z".repeat(1 << 20);
        assertThat(http.put("/api/articles/big", Map.of("markdown", justFits, "baseRevision", 1), carla)
                        .status())
                .isEqualTo(200);
    }
}
