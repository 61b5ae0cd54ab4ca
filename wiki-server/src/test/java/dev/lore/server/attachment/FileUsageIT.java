package dev.lore.server.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Files;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where files are used: "used on" for each file, files no page uses for champions, and old
 * revisions that keep showing the file versions of their time.
 */
@ExtendWith(TestLore.class)
class FileUsageIT {
    private Http http;
    private Files files;
    private String carla;
    private String rudi;
    private String champ;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.http = http;
        this.files = new Files(http.base());
        carla = http.login("carla.contrib", TestLore.PASSWORD);
        rudi = http.login("rudi.reader", TestLore.PASSWORD);
        champ = lore.person("chris.champion", "Chris Champion", "Enablement", Role.CHAMPION);
    }

    private String article(String title, String markdown) {
        var r = http.post("/api/articles", Map.of("title", title, "markdown", markdown), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("slug").asText();
    }

    private void edit(String slug, int base, String markdown) {
        var r = http.put(
                "/api/articles/" + slug, Map.of("title", "Deploys", "markdown", markdown, "baseRevision", base), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private JsonNode upload(String slug, String name, String text) {
        var r = files.upload("/api/files", Map.of("article", slug), name, text.getBytes(StandardCharsets.UTF_8), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void listsThePagesThatShowOrLinkAFile() {
        String home = article("Diagrams", "All our diagrams.");
        JsonNode file = upload(home, "deploy.txt", "how we deploy");
        String url = file.get("url").asText();
        String user = article("Deploys", "Read [the deploy notes](" + url + ").");
        article("Unrelated", "Nothing to see.");
        var q = http.post(
                "/api/questions",
                Map.of(
                        "title",
                        "Where are the deploy notes?",
                        "markdown",
                        "Looking for them.",
                        "skills",
                        List.of("deploys")),
                rudi);
        assertThat(q.status()).as(q.body()).isEqualTo(201);
        String qid = q.json().get("id").asText();
        var answer = http.post(
                "/api/questions/" + qid + "/answers", Map.of("markdown", "Here: ![notes](" + url + ")"), carla);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);

        JsonNode usedOn =
                http.get("/api/files/" + file.get("id").asText(), rudi).json().get("usedOn");

        assertThat(usedOn).hasSize(2);
        assertThat(usedOn.findValuesAsText("url")).containsExactlyInAnyOrder("/wiki/" + user, "/questions/" + qid);
        assertThat(usedOn.findValuesAsText("kind")).containsExactlyInAnyOrder("article", "answer");
    }

    @Test
    void listsFilesNoPageUsesForChampions() {
        String slug = article("Deploys", "Nothing yet.");
        JsonNode shown = upload(slug, "shown.txt", "shown on the page");
        JsonNode forgotten = upload(slug, "forgotten.txt", "attached and never linked");
        edit(slug, 1, "See [the notes](" + shown.get("url").asText() + ").");

        assertThat(http.get("/api/admin/files/unused", rudi).status()).isEqualTo(403);
        var unused = http.get("/api/admin/files/unused", champ);

        assertThat(unused.status()).as(unused.body()).isEqualTo(200);
        var ids = new java.util.ArrayList<String>();
        unused.json().get("files").forEach(f -> ids.add(f.get("id").asText()));
        assertThat(ids).containsExactly(forgotten.get("id").asText());
        assertThat(http.get("/api/admin/files/unused?limit=0", champ).status()).isEqualTo(400);
    }

    @Test
    void anOldRevisionShowsTheFileVersionOfItsTime() {
        String slug = article("Deploys", "No picture yet.");
        JsonNode file = upload(slug, "deploy.txt", "the old way to deploy");
        String url = file.get("url").asText();
        edit(slug, 1, "![deploys](" + url + ")");
        var replaced = files.upload(
                "/api/files/" + file.get("id").asText(),
                Map.of(),
                "deploy.txt",
                "the new way to deploy".getBytes(StandardCharsets.UTF_8),
                carla);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        edit(slug, 2, "![deploys](" + url + ")\n\nNow with the new way.");

        String old = http.get("/api/articles/" + slug + "/revisions/2", rudi)
                .json()
                .get("html")
                .asText();
        String current = http.get("/api/articles/" + slug + "/revisions/3", rudi)
                .json()
                .get("html")
                .asText();
        String oldPage = http.get("/wiki/" + slug + "/revisions/2", rudi).body();

        assertThat(old).contains("src=\"" + url + "?v=1\"").contains("href=\"" + url + "?v=1\"");
        assertThat(current).contains("src=\"" + url + "\"").doesNotContain("?v=");
        assertThat(oldPage).contains(url + "?v=1");
        assertThat(files.get(url + "?v=1", rudi, Map.of()).text()).isEqualTo("the old way to deploy");
    }
}
