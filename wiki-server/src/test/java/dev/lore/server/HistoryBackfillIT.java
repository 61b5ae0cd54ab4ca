package dev.lore.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.graph.article.ContributionHistory;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Whole-history totals through the API, and the start-up step that fills them in for older stores. */
@ExtendWith(TestLore.class)
class HistoryBackfillIT {
    private static final String RUNBOOK = """
            Restart the brokers one at a time.
            Wait for the under-replicated partitions to reach zero.
            Then restart the consumers.""";
    private static final String REWRITTEN = """
            Drain each broker with the rebalance tool first.
            Wait for the under-replicated partitions to reach zero.""";

    private String create(Http http, String token, String title) {
        var r = http.post("/api/articles", Map.of("title", title, "markdown", RUNBOOK), token);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("slug").asText();
    }

    private void edit(Http http, String token, String slug, String markdown) {
        JsonNode current = http.get("/api/articles/" + slug).json();
        var body = new HashMap<String, Object>();
        body.put("title", current.get("title").asText());
        body.put("markdown", markdown);
        body.put("baseRevision", current.get("revision").asInt());
        var r = http.put("/api/articles/" + slug, body, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static List<String> totals(TestLore.Running lore, String slug) {
        String id = lore.lore().articles().find(slug).article().id();
        return new ContributionHistory(lore.lore().graph())
                .of(id).stream()
                        .map(t -> t.personId() + " +" + t.added() + " -" + t.removed() + " x" + t.revisions())
                        .toList();
    }

    @Test
    void savesKeepLinesAddedAndRemovedAndTheStartUpStepRebuildsThemOnceForOlderStores(
            TestLore.Running lore, Http http) {
        String ana = lore.person("ana", "Ana Silva", "Streaming", Role.CONTRIBUTOR);
        String ben = lore.person("ben", "Ben Okafor", "Streaming", Role.CONTRIBUTOR);
        String first = create(http, ana, "Broker restarts");
        edit(http, ben, first, REWRITTEN);
        String second = create(http, ben, "Consumer restarts");
        assertThat(totals(lore, first)).containsExactly("ana +3 -0 x1", "ben +1 -2 x1");
        assertThat(totals(lore, second)).containsExactly("ben +3 -0 x1");

        // a store from before the totals: no lines added or removed, no setting saying they were counted
        lore.lore().graph().write(tx -> {
            tx.run("MATCH ()-[c:CONTRIBUTED]->() REMOVE c.added, c.removed").consume();
            tx.run("MATCH (s:Setting {key: $key}) DELETE s", Map.of("key", HistoryBackfill.DONE))
                    .consume();
            return null;
        });
        var shown = new ArrayList<String>();

        assertThat(HistoryBackfill.runOnce(lore.lore().graph(), (done, total, what) -> shown.add(done + "/" + total)))
                .isEqualTo(2);
        assertThat(shown).containsExactly("2/2");
        assertThat(totals(lore, first)).containsExactly("ana +3 -0 x1", "ben +1 -2 x1");
        assertThat(totals(lore, second)).containsExactly("ben +3 -0 x1");
        assertThat(HistoryBackfill.runOnce(lore.lore().graph(), (done, total, what) -> shown.add("again")))
                .isZero();
        assertThat(shown).containsExactly("2/2");
    }
}
