package dev.lore.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.article.ArticleWrite;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestLore.class)
class SearchIT {
    private Http http;
    private String carla;
    private TestLore.Running lore;

    @BeforeEach
    void setUp(TestLore.Running lore) {
        this.lore = lore;
        this.http = lore.http();
        this.carla = http.login("carla.contrib", TestLore.PASSWORD);
    }

    private JsonNode search(String q) {
        var r = http.get("/api/search?q=" + Http.enc(q));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private List<String> slugs(String q) {
        return search(q).get("hits").findValuesAsText("slug");
    }

    @Test
    void aNewArticleIsSearchableAsSoonAsTheWriteReturns() {
        http.post(
                "/api/articles",
                Map.of(
                        "title",
                        "Rotating TLS certificates",
                        "markdown",
                        "Use cert-manager to rotate certificates before expiry."),
                carla);

        JsonNode result = search("rotate certificates");

        assertThat(result.get("total").asInt()).isEqualTo(1);
        JsonNode hit = result.get("hits").get(0);
        assertThat(hit.get("slug").asText()).isEqualTo("rotating-tls-certificates");
        assertThat(hit.get("snippet").asText()).contains("<mark>rotate certificates</mark>");
    }

    @Test
    void ranksTitleMatchesAboveBodyMentions() {
        http.post(
                "/api/articles",
                Map.of("title", "Postgres vacuum", "markdown", "Autovacuum settings and bloat."),
                carla);
        http.post(
                "/api/articles",
                Map.of("title", "Database notes", "markdown", "We once ran vacuum by hand on postgres."),
                carla);
        assertThat(slugs("postgres vacuum")).containsExactly("postgres-vacuum", "database-notes");
    }

    @Test
    void aSectionHeadingOutranksAPassingMention() {
        http.post(
                "/api/articles",
                Map.of("title", "Runbook A", "markdown", "# Overview\n\nSome words.\n\n## Failover\n\nSteps to take."),
                carla);
        http.post(
                "/api/articles",
                Map.of(
                        "title",
                        "Runbook B",
                        "markdown",
                        "# Overview\n\nWe never tested failover here.\n\n## Notes\n\nMore words."),
                carla);
        assertThat(slugs("failover")).containsExactly("runbook-a", "runbook-b");
    }

    @Test
    void contributorNamesHelpFindTheirPages() {
        http.post("/api/articles", Map.of("title", "Deploy checklist", "markdown", "Steps for a deploy."), carla);
        String admin = http.login("admin", TestLore.PASSWORD);
        http.post("/api/articles", Map.of("title", "Deploy freeze", "markdown", "When deploys stop."), admin);
        assertThat(slugs("deploy carla")).startsWith("carla.contrib", "deploy-checklist"); // the person, then her page
    }

    @Test
    void editsDeletesAndRenamesShowUpAtOnce() {
        http.post("/api/articles", Map.of("title", "Feature flags", "markdown", "We use LaunchDarkly."), carla);
        assertThat(slugs("launchdarkly")).containsExactly("feature-flags");

        http.put("/api/articles/feature-flags", Map.of("markdown", "We use Unleash now.", "baseRevision", 1), carla);
        assertThat(slugs("launchdarkly")).isEmpty();
        assertThat(slugs("unleash")).containsExactly("feature-flags");

        http.put(
                "/api/articles/feature-flags",
                Map.of("title", "Feature toggles", "markdown", "We use Unleash now.", "baseRevision", 2),
                carla);
        assertThat(slugs("unleash")).containsExactly("feature-toggles");

        http.delete("/api/articles/feature-toggles", carla);
        assertThat(slugs("unleash")).isEmpty();
    }

    @Test
    void snippetsAreEscapedHtml() {
        http.post(
                "/api/articles",
                Map.of("title", "Escaping", "markdown", "Never trust <script>alert('x')</script> input from users."),
                carla);
        String snippet = search("trust input").get("hits").get(0).get("snippet").asText();
        assertThat(snippet).doesNotContain("<script").contains("<mark>trust</mark>");
    }

    @Test
    void anyQueryTextGivesResultsOrAnEmptyListNeverAnError() {
        http.post("/api/articles", Map.of("title", "Anything", "markdown", "text"), carla);
        for (String q : List.of(
                "\"unbalanced",
                "-",
                "+",
                "AND OR NOT",
                "*",
                "((",
                "\\",
                "~~~",
                "text\u0000\u0007",
                "x".repeat(10_000),
                "",
                "   ",
                "title:[a TO",
                "🙂")) {
            var r = http.get("/api/search?q=" + Http.enc(q));
            assertThat(r.status()).as(q.length() > 40 ? q.substring(0, 40) : q).isEqualTo(200);
            assertThat(r.json().get("hits").isArray()).isTrue();
        }
        assertThat(http.get("/api/search?q=x&page=0").status()).isEqualTo(400);
        assertThat(http.get("/api/search?q=x&size=1000").status()).isEqualTo(400);
    }

    @Test
    void paginatesInAStableOrder() {
        for (int i = 1; i <= 12; i++) {
            http.post("/api/articles", Map.of("title", "Runbook " + i, "markdown", "runbook step " + i), carla);
        }
        List<String> page1 = search("runbook").get("hits").findValuesAsText("slug");
        var page2 = http.get("/api/search?q=runbook&page=2").json().get("hits").findValuesAsText("slug");
        assertThat(page1).hasSize(10);
        assertThat(page2).hasSize(2).doesNotContainAnyElementsOf(page1);
    }

    @Test
    void catchesUpFromTheChangeSequenceAfterACrashBetweenCommitAndIndexing() {
        // A write that reached the graph but not the index, as if the process died in between.
        // The test server has no timed catch-up: the index stays behind until caught up below.
        var sync = lore.lore().sync();
        var store = new ArticleStore(lore.lore().graph());
        store.create(
                "lost-in-the-crash",
                new ArticleWrite(
                        "Lost in the crash",
                        "lost-in-the-crash",
                        "Zookeeper quorum recovery steps.",
                        List.of(),
                        List.of(),
                        Optional.empty(),
                        List.of(),
                        "direct",
                        "carla.contrib",
                        Instant.now()));
        assertThat(slugs("zookeeper")).isEmpty();

        int applied = sync.catchUp();

        assertThat(applied).isEqualTo(1);
        assertThat(slugs("zookeeper")).containsExactly("lost-in-the-crash");
        assertThat(http.get("/api/health").json().get("indexedSeq").asLong()).isEqualTo(store.currentSeq());
    }

    @Test
    void aCatchUpRunningWhileWritesCommitLosesNoneOfThem() throws Exception {
        // Each write gives an article and its skill the same change number. A catch-up reads
        // articles, people, skills and questions one after the other; a write committing between
        // the first read and the third was once seen only through its skill, the index recorded its
        // number, and the article was never indexed.
        var store = new ArticleStore(lore.lore().graph());
        var sync = lore.lore().sync();
        var writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        var failure = new java.util.concurrent.atomic.AtomicReference<RuntimeException>();
        Thread catchingUp = Thread.ofPlatform().name("test-catch-up").start(() -> {
            try {
                while (writing.get()) {
                    sync.catchUp();
                }
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        int written = 30;
        try {
            for (int i = 0; i < written; i++) {
                store.create(
                        "quokka-sighting-" + i,
                        new ArticleWrite(
                                "Quokka sighting " + i,
                                "quokka-sighting-" + i,
                                "A quokka was seen, number " + i + ".",
                                List.of(),
                                List.of("Quokka"),
                                Optional.empty(),
                                List.of(),
                                "direct",
                                "carla.contrib",
                                Instant.now()));
            }
        } finally {
            writing.set(false);
            catchingUp.join();
        }
        assertThat(failure.get()).isNull();

        sync.catchUp();

        var r = http.get("/api/search?type=article&size=1&q=quokka");
        assertThat(r.json().get("total").asInt()).as(r.body()).isEqualTo(written);
    }

    @Test
    void reindexRebuildsTheSameResultsFromTheGraph() {
        http.post("/api/articles", Map.of("title", "Gradle caching", "markdown", "Remote build cache."), carla);
        http.post("/api/articles", Map.of("title", "Maven caching", "markdown", "Local repository cache."), carla);
        List<String> before = slugs("cache");

        lore.lore().sync().rebuild();

        assertThat(slugs("cache")).containsExactlyElementsOf(before).hasSize(2);
    }

    @Test
    void aRebuildIndexesEveryArticleOfABulkWriteThatSharesOneChangeNumber() {
        // A bulk import gives all its articles one change number; the catch-up reads changes a
        // batch at a time and must not stop in the middle of one number (it used to, losing the
        // rest of that write's articles for good).
        var store = new ArticleStore(lore.lore().graph());
        var writes = new java.util.ArrayList<Map.Entry<String, ArticleWrite>>();
        for (int i = 0; i < 1_200; i++) {
            writes.add(Map.entry(
                    "quasar-note-" + i,
                    new ArticleWrite(
                            "Quasar note " + i,
                            "quasar-note-" + i,
                            "Quasar telemetry, part " + i + ".",
                            List.of(),
                            List.of(),
                            Optional.empty(),
                            List.of(),
                            "bulk",
                            "carla.contrib",
                            Instant.now())));
        }
        store.createBatch(writes);
        lore.lore().sync().catchUp();
        assertThat(search("quasar").get("total").asInt()).isEqualTo(1_200);

        lore.lore().sync().rebuild();

        assertThat(search("quasar").get("total").asInt()).isEqualTo(1_200);
        assertThat(http.get("/api/health").json().get("indexedSeq").asLong()).isEqualTo(store.currentSeq());
    }

    @Test
    void aBurstOfSearchesIsLoggedInFull() throws Exception {
        // eight clients at once: the background log writes them in batches and loses none
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 240; i++) {
                String q = "burst query " + i;
                calls.add(pool.submit(
                        () -> http.get("/api/search?q=" + Http.enc(q)).status()));
            }
            for (var call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        lore.settle();
        long logged = lore.lore()
                .graph()
                .read(tx -> tx.run(
                                "MATCH (s:SearchEvent) WHERE s.query STARTS WITH 'burst query ' RETURN count(s) AS n")
                        .single()
                        .get("n")
                        .asLong());
        assertThat(logged).isEqualTo(240);
        var misses = lore.lore().search().misses(30, 500);
        assertThat(misses.stream().filter(m -> m.query().startsWith("burst query ")))
                .hasSize(240)
                .allMatch(m -> m.times() == 1);
    }
}
