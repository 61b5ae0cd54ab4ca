package dev.lore.server.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lore.server.auth.Role;
import dev.lore.server.seed.PackFiles.Answer;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A refused seed pack changes nothing: not the graph, not the index. */
@ExtendWith(TestLore.class)
class PackAllOrNothingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PEOPLE = """
            [{"id": "olga.onboard", "name": "Olga Onboard", "team": "People", "skills": [{"name": "Hiring"}]}]
            """;
    private static final String SKILLS = """
            [{"name": "Hiring", "description": "Finding colleagues", "aliases": ["recruiting"]}]
            """;

    private Http http;
    private String champion;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.http = http;
        champion = lore.person("cora.champion", "Cora Champion", "Enablement", Role.CHAMPION);
        var r = http.post("/api/articles", Map.of("title", "Existing page", "markdown", "Already here."), champion);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** People, skills and three articles by a new author: what a refused pack must not leave behind. */
    private static Map<String, String> pack() {
        var files = new LinkedHashMap<String, String>();
        files.put("people.json", PEOPLE);
        files.put("skills.json", SKILLS);
        for (String name : new String[] {"first-day", "second-day", "third-day"}) {
            files.put(
                    name + ".md",
                    "---\nauthor: olga.onboard\nskills: [Hiring]\n---\nZanzibarite notes for " + name + ".\n");
        }
        return files;
    }

    @Test
    void aPackWhosePathNamesAMissingPageChangesNothing() {
        var files = pack();
        files.put("paths.json", """
                [{"title": "Week one", "level": "newcomer",
                  "steps": [{"kind": "article", "ref": "first-day"}, {"kind": "article", "ref": "existing-page"},
                            {"kind": "article", "ref": "no-such-page"}]}]
                """);

        refusedWithoutChange(files, "paths.json", "no-such-page");
    }

    @Test
    void aPackWhoseCollectionNamesAMissingPageChangesNothing() {
        var files = pack();
        files.put("collections.json", """
                [{"title": "Start here", "onHome": true, "articles": ["second-day", "missing-page"]}]
                """);

        refusedWithoutChange(files, "collections.json", "missing-page");
    }

    @Test
    void aPackWhoseLastFileIsBadChangesNothing() {
        var files = pack();
        // front matter that parses, but a title no article may have: found only while writing
        files.put("zz-last.md", "---\ntitle: " + "x".repeat(201) + "\n---\nToo long a title.\n");

        refusedWithoutChange(files, "zz-last.md", "title");
    }

    @Test
    void aPackWhosePathNamesItsOwnPagesAndExistingOnesImports() {
        var files = pack();
        files.put("paths.json", """
                [{"title": "Week one", "level": "newcomer",
                  "steps": [{"kind": "article", "ref": "first-day"}, {"kind": "article", "ref": "existing-page"}]}]
                """);
        files.put("collections.json", """
                [{"title": "Start here", "onHome": true, "articles": ["third-day", "existing-page"]}]
                """);

        Answer r = postZip(PackFiles.zip(files));

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(state().articles()).isEqualTo(4);
        assertThat(state().paths()).isEqualTo(1);
        assertThat(state().collections()).isEqualTo(1);
        assertThat(state().searchHits()).isEqualTo(3);
    }

    private void refusedWithoutChange(Map<String, String> files, String file, String reason) {
        State before = state();

        Answer r = postZip(PackFiles.zip(files));

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(json(r).get("detail").asText()).contains(file).contains(reason);
        assertThat(state()).isEqualTo(before);
        assertThat(before.searchHits()).isZero();
    }

    /** What a pack import could change, as the API shows it. */
    private record State(
            long articles,
            int people,
            int paths,
            int collections,
            long indexedDocs,
            long indexedSeq,
            long searchHits,
            boolean olgaKnown) {}

    private State state() {
        JsonNode health = http.get("/api/health").json();
        return new State(
                http.get("/api/articles", champion).json().get("total").asLong(),
                http.get("/api/people", champion).json().get("people").size(),
                http.get("/api/paths", champion).json().get("paths").size(),
                http.get("/api/collections", champion).json().get("collections").size(),
                health.get("indexedDocs").asLong(),
                health.get("indexedSeq").asLong(),
                http.get("/api/search?q=zanzibarite", champion)
                        .json()
                        .get("total")
                        .asLong(),
                http.get("/api/people/olga.onboard", champion).status() == 200);
    }

    private Answer postZip(byte[] zip) {
        return PackFiles.send(
                http.base(),
                "POST",
                "/api/seed-packs",
                zip,
                Map.of("Content-Type", "application/zip", "Authorization", "Bearer " + champion));
    }

    private static JsonNode json(Answer a) {
        try {
            return JSON.readTree(a.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + a.status() + "): " + a.text(), e);
        }
    }
}
