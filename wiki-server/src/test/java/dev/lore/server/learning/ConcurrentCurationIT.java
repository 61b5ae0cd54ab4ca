package dev.lore.server.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.AllAtOnce;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Champions editing one path or collection at once are each answered with their own edit. */
@ExtendWith(TestLore.class)
class ConcurrentCurationIT {
    private static final int EDITORS = 8;
    private static final int ROUNDS = 3;

    private Http http;
    private String champion;
    private String slug;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.http = http;
        this.champion = lore.person("cora.champion", "Cora Champion", "Enablement", Role.CHAMPION);
        var r = http.post("/api/articles", Map.of("title", "Laptop setup", "markdown", "Steps."), champion);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        slug = r.json().get("slug").asText();
    }

    private Map<String, Object> path(String title) {
        return Map.of("title", title, "level", "newcomer", "steps", List.of(Map.of("kind", "article", "ref", slug)));
    }

    private Map<String, Object> collection(String title) {
        return Map.of("title", title, "onHome", true, "articles", List.of(slug));
    }

    @Test
    void concurrentPathEditsAreEachAnsweredWithTheirOwnEdit() throws Exception {
        var created = http.post("/api/paths", path("First two weeks"), champion);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();

        List<List<String>> answered = AllAtOnce.run(EDITORS, i -> () -> {
            var titles = new ArrayList<String>();
            for (int round = 0; round < ROUNDS; round++) {
                var r = http.put("/api/paths/" + id, path("First two weeks, take " + i + "." + round), champion);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                titles.add(r.json().get("title").asText());
            }
            return titles;
        });

        for (int i = 0; i < EDITORS; i++) {
            for (int round = 0; round < ROUNDS; round++) {
                assertThat(answered.get(i).get(round)).isEqualTo("First two weeks, take " + i + "." + round);
            }
        }
    }

    @Test
    void concurrentCollectionEditsAreEachAnsweredWithTheirOwnEdit() throws Exception {
        var created = http.post("/api/collections", collection("Essentials"), champion);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();

        List<List<String>> answered = AllAtOnce.run(EDITORS, i -> () -> {
            var titles = new ArrayList<String>();
            for (int round = 0; round < ROUNDS; round++) {
                var r = http.put("/api/collections/" + id, collection("Essentials, take " + i + "." + round), champion);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                titles.add(r.json().get("title").asText());
            }
            return titles;
        });

        for (int i = 0; i < EDITORS; i++) {
            for (int round = 0; round < ROUNDS; round++) {
                assertThat(answered.get(i).get(round)).isEqualTo("Essentials, take " + i + "." + round);
            }
        }
    }
}
