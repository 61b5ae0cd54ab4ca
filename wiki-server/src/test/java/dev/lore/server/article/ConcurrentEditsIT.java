package dev.lore.server.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many editors on one page at once. Whatever the interleaving, the answer to a save describes that
 * save (its revision and its text), so a client may take the answered revision as the base of its
 * next edit. The checks hold for every interleaving; none depends on timing.
 */
@ExtendWith(TestLore.class)
class ConcurrentEditsIT {
    private static final int WRITERS = 8;
    private static final int EDITS_EACH = 5;

    private Http http;
    private String carla;
    private ExecutorService pool;

    @BeforeEach
    void setUp(Http http) {
        this.http = http;
        this.carla = http.login("carla.contrib", TestLore.PASSWORD);
        this.pool = Executors.newFixedThreadPool(
                WRITERS, Thread.ofPlatform().name("editor-", 0).factory());
        var r = http.post("/api/articles", Map.of("title", "Busy page", "markdown", "start\n"), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    /** A 200 answer to one save: what was sent and what came back. */
    private record Saved(int base, String sent, int answeredRevision, String answeredMarkdown) {}

    @Test
    void everyAnswerToAConcurrentEditDescribesThatEdit() throws Exception {
        List<Saved> saved = runWriters((writer, results) -> {
            int base =
                    http.get("/api/articles/busy-page").json().get("revision").asInt();
            for (int edit = 0; edit < EDITS_EACH; ) {
                String text = "writer " + writer + " edit " + edit + "\n";
                var r = put(base, text);
                if (r.status() == 409) {
                    base = r.json().get("currentRevision").asInt();
                    continue;
                }
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                results.add(new Saved(
                        base,
                        text,
                        r.json().get("revision").asInt(),
                        r.json().get("markdown").asText()));
                base = r.json().get("revision").asInt();
                edit++;
            }
        });

        Map<Integer, String> stored = storedRevisions();
        assertThat(saved).hasSize(WRITERS * EDITS_EACH);
        assertThat(stored).hasSize(1 + WRITERS * EDITS_EACH);
        for (Saved s : saved) {
            assertThat(s.answeredMarkdown()).as("the text answered for %s", s).isEqualTo(s.sent());
            assertThat(s.answeredRevision())
                    .as("the revision answered for %s", s)
                    .isEqualTo(s.base() + 1);
            assertThat(stored.get(s.answeredRevision()))
                    .as("stored revision for %s", s)
                    .isEqualTo(s.sent());
        }
    }

    @Test
    void aClientThatBuildsOnItsAnsweredRevisionNeverOverwritesAnotherSilently() throws Exception {
        // Each client appends its own line to what it believes the page holds: its own last save (as
        // an editor keeps its text after saving) on the answered revision, or a fresh read after a 409.
        List<Saved> saved = runWriters((writer, results) -> {
            JsonNode page = http.get("/api/articles/busy-page").json();
            int base = page.get("revision").asInt();
            String text = page.get("markdown").asText();
            for (int edit = 0; edit < EDITS_EACH; ) {
                String next = text + "writer " + writer + " line " + edit + "\n";
                var r = put(base, next);
                if (r.status() == 409) {
                    page = http.get("/api/articles/busy-page").json();
                    base = page.get("revision").asInt();
                    text = page.get("markdown").asText();
                    continue;
                }
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                results.add(new Saved(
                        base,
                        next,
                        r.json().get("revision").asInt(),
                        r.json().get("markdown").asText()));
                base = r.json().get("revision").asInt();
                text = next;
                edit++;
            }
        });

        for (Saved s : saved) {
            assertThat(s.answeredMarkdown()).as("the text answered for %s", s).isEqualTo(s.sent());
        }
        String last = http.get("/api/articles/busy-page").json().get("markdown").asText();
        for (int writer = 0; writer < WRITERS; writer++) {
            for (int edit = 0; edit < EDITS_EACH; edit++) {
                assertThat(last)
                        .as("every acknowledged line is kept")
                        .contains("writer " + writer + " line " + edit + "\n");
            }
        }
    }

    private Http.Response put(int base, String markdown) {
        return http.put("/api/articles/busy-page", Map.of("markdown", markdown, "baseRevision", base), carla);
    }

    private Map<Integer, String> storedRevisions() {
        var stored = new HashMap<Integer, String>();
        for (JsonNode r : http.get("/api/articles/busy-page/revisions").json().get("revisions")) {
            int n = r.get("revision").asInt();
            stored.put(
                    n,
                    http.get("/api/articles/busy-page/revisions/" + n)
                            .json()
                            .get("markdown")
                            .asText());
        }
        return stored;
    }

    @FunctionalInterface
    private interface Writer {
        void run(int writer, List<Saved> results) throws Exception;
    }

    /** Starts every writer at once and waits for all of them; a writer's failure fails the test. */
    private List<Saved> runWriters(Writer writer) throws Exception {
        List<Saved> results = Collections.synchronizedList(new ArrayList<>());
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<?>>();
        for (int w = 0; w < WRITERS; w++) {
            int id = w;
            futures.add(pool.submit(() -> {
                start.await();
                writer.run(id, results);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        return results;
    }
}
