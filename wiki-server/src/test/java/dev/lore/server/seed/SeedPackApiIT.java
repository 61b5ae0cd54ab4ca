package dev.lore.server.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lore.server.LoreAccess;
import dev.lore.server.auth.Role;
import dev.lore.server.seed.PackFiles.Answer;
import dev.lore.server.seed.PackFiles.Part;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Champions import seed packs over HTTP (a zip or a folder's files) and export any set of articles as one. */
@ExtendWith(TestLore.class)
class SeedPackApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WELCOME = """
            ---
            title: Welcome aboard
            tags: [onboarding]
            owner: nina.owner
            author: nina.owner
            ---
            Start with [[Kafka basics]].
            """;
    private static final String KAFKA = """
            ---
            title: Kafka basics
            tags: [messaging]
            skills: [Kafka]
            ---
            Topics and partitions.
            """;
    private static final String PEOPLE = """
            [{"id": "nina.owner", "name": "Nina Owner", "team": "Platform", "role": "admin"}]
            """;
    private static final String COLLECTIONS = """
            [{"title": "Start here", "description": "Read these first", "onHome": true,
              "articles": ["welcome-aboard", "kafka-basics"]}]
            """;

    private TestLore.Running lore;
    private Http http;
    private String champion;
    private String carla;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        champion = lore.person("cora.champion", "Cora Champion", "Enablement", Role.CHAMPION);
        carla = http.login("carla.contrib", TestLore.PASSWORD);
    }

    private Map<String, String> pack(String folder) {
        var files = new LinkedHashMap<String, String>();
        files.put(folder + "people.json", PEOPLE);
        files.put(folder + "welcome-aboard.md", WELCOME);
        files.put(folder + "kafka-basics.md", KAFKA);
        files.put(folder + "collections.json", COLLECTIONS);
        files.put(folder + "logo.png", "not really a picture");
        return files;
    }

    private Answer postZip(byte[] zip, String token) {
        return PackFiles.send(
                http.base(),
                "POST",
                "/api/seed-packs",
                zip,
                Map.of("Content-Type", "application/zip", "Authorization", "Bearer " + token));
    }

    private static JsonNode json(Answer a) {
        try {
            return JSON.readTree(a.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + a.status() + "): " + a.text(), e);
        }
    }

    @Test
    void importsAZipWithOneTopLevelFolderAndSaysWhatItDid() {
        Answer r = postZip(PackFiles.zip(pack("onboarding-pack/")), champion);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode summary = json(r);
        assertThat(summary.at("/articles/created").asInt()).isEqualTo(2);
        assertThat(summary.at("/articles/updated").asInt()).isZero();
        assertThat(summary.get("people").asInt()).isEqualTo(1);
        assertThat(summary.get("collections").asInt()).isEqualTo(1);
        assertThat(summary.get("skipped").toString()).contains("logo.png").contains("not Markdown");
        JsonNode welcome = http.get("/api/articles/welcome-aboard").json();
        assertThat(welcome.get("title").asText()).isEqualTo("Welcome aboard");
        assertThat(welcome.get("tags").toString()).contains("onboarding");
        assertThat(welcome.get("owner").asText()).isEqualTo("nina.owner");
        assertThat(http.get("/api/collections?home=true")
                        .json()
                        .at("/collections/0/description")
                        .asText())
                .isEqualTo("Read these first");
        // a pack cannot give anyone more than the importer's own role
        assertThat(lore.lore().people().find("nina.owner").orElseThrow().role()).isEqualTo("champion");
    }

    @Test
    void reimportingUpdatesInsteadOfDuplicating() {
        assertThat(postZip(PackFiles.zip(pack("")), champion).status()).isEqualTo(200);
        var changed = pack("");
        changed.put("kafka-basics.md", KAFKA + "\nConsumer groups too.\n");

        Answer again = postZip(PackFiles.zip(changed), champion);

        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(json(again).at("/articles/created").asInt()).isZero();
        assertThat(json(again).at("/articles/updated").asInt()).isEqualTo(1);
        assertThat(json(again).at("/articles/unchanged").asInt()).isEqualTo(1);
        assertThat(http.get("/api/articles").json().get("total").asInt()).isEqualTo(2);
        assertThat(http.get("/api/collections").json().get("collections").size())
                .isEqualTo(1);
        assertThat(http.get("/api/articles/kafka-basics").json().get("markdown").asText())
                .contains("Consumer groups too.");
    }

    @Test
    void importsAFolderUploadedAsMultipartFilesWithTheirRelativePaths() {
        var parts = pack("my-pack/").entrySet().stream()
                .map(e -> Part.text("files", e.getKey(), e.getValue()))
                .toList();
        var body = PackFiles.multipart(Map.of(), parts);

        Answer r = PackFiles.send(
                http.base(),
                "POST",
                "/api/seed-packs",
                body.getValue(),
                Map.of("Content-Type", body.getKey(), "Authorization", "Bearer " + champion));

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(json(r).at("/articles/created").asInt()).isEqualTo(2);
        assertThat(http.get("/api/articles/kafka-basics").status()).isEqualTo(200);
    }

    @Test
    void thePageImportsAZipThroughTheSameCodeAndShowsTheSummary() {
        String cookies = http.browserSession("cora.champion", TestLore.PASSWORD);
        var body = PackFiles.multipart(
                Map.of("_csrf", Http.csrfOf(cookies)), List.of(new Part("pack", "pack.zip", PackFiles.zip(pack("")))));

        Answer r = PackFiles.send(
                http.base(),
                "POST",
                "/curation/seed-packs",
                body.getValue(),
                Map.of("Content-Type", body.getKey(), "Cookie", cookies));

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.text())
                .contains("2 articles created, 0 updated, 0 unchanged")
                .contains("logo.png");
        assertThat(http.get("/api/articles/welcome-aboard").status()).isEqualTo(200);
    }

    @Test
    void refusesPathsThatLeaveThePack() {
        Answer dots = postZip(PackFiles.zip(Map.of("pack/../../evil.md", KAFKA)), champion);
        assertThat(dots.status()).isEqualTo(400);
        assertThat(json(dots).get("detail").asText())
                .contains("pack/../../evil.md")
                .contains("..");

        Answer absolute = postZip(PackFiles.zip(Map.of("/etc/evil.md", KAFKA)), champion);
        assertThat(absolute.status()).isEqualTo(400);
        assertThat(json(absolute).get("detail").asText()).contains("absolute");

        var files = new LinkedHashMap<String, String>();
        files.put("kafka-basics.md", KAFKA);
        files.put("link.md", "/etc/passwd");
        Answer link = postZip(PackFiles.asSymlink(PackFiles.zip(files), 1), champion);
        assertThat(link.status()).isEqualTo(400);
        assertThat(json(link).get("detail").asText()).contains("link.md").contains("symbolic link");

        var folder = PackFiles.multipart(Map.of(), List.of(Part.text("files", "../evil.md", KAFKA)));
        Answer folderDots = PackFiles.send(
                http.base(),
                "POST",
                "/api/seed-packs",
                folder.getValue(),
                Map.of("Content-Type", folder.getKey(), "Authorization", "Bearer " + champion));
        assertThat(folderDots.status()).isEqualTo(400);
        assertThat(json(folderDots).get("detail").asText()).contains("../evil.md");

        var broken = PackFiles.multipart(Map.of(), List.of(Part.text("files", "a.md", KAFKA)));
        Answer badMultipart = PackFiles.send(
                http.base(),
                "POST",
                "/api/seed-packs",
                broken.getValue(),
                Map.of(
                        "Content-Type",
                        "multipart/form-data; boundary=not-the-one",
                        "Authorization",
                        "Bearer " + champion));
        assertThat(badMultipart.status()).isEqualTo(400);
        assertThat(http.get("/api/articles").json().get("total").asInt()).isZero();
    }

    @Test
    void refusesZipBombsAndPacksWithTooManyFiles() {
        Answer bomb = postZip(PackFiles.bomb("huge.md", 80L << 20), champion);
        assertThat(bomb.status()).as(bomb.text()).isEqualTo(413);
        assertThat(json(bomb).get("error").asText()).isEqualTo("too_large");
        assertThat(json(bomb).get("detail").asText()).contains("unpacks to more than");

        var many = new LinkedHashMap<String, String>();
        for (int i = 0; i <= PackUpload.MAX_ENTRIES; i++) {
            many.put("page-" + i + ".md", "x");
        }
        Answer tooMany = postZip(PackFiles.zip(many), champion);
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(json(tooMany).get("detail").asText()).contains("at most " + PackUpload.MAX_ENTRIES + " files");

        Answer bigBody = postZip(new byte[(int) PackUpload.MAX_UPLOAD_BYTES + 10], champion);
        assertThat(bigBody.status()).isEqualTo(413);
        assertThat(http.get("/api/articles").json().get("total").asInt()).isZero();
    }

    @Test
    void refusesWhatIsNotAZipAndMalformedFrontMatterNamingTheFile() {
        Answer notZip = postZip("hello, I am text".getBytes(), champion);
        assertThat(notZip.status()).isEqualTo(400);
        assertThat(json(notZip).get("detail").asText()).contains("not a zip file");

        var files = pack("");
        files.put("broken.md", "---\ntitle: [unclosed\ntags: x\n---\nBody\n");
        Answer broken = postZip(PackFiles.zip(files), champion);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(json(broken).get("detail").asText()).startsWith("broken.md: malformed front matter");
        // the pack was checked before anything was written
        assertThat(http.get("/api/articles").json().get("total").asInt()).isZero();

        var badJson = pack("");
        badJson.put("collections.json", "[{\"title\": ");
        Answer json = postZip(PackFiles.zip(badJson), champion);
        assertThat(json.status()).isEqualTo(400);
        assertThat(json(json).get("detail").asText()).startsWith("collections.json: malformed JSON");

        Answer wrongType = PackFiles.send(
                http.base(),
                "POST",
                "/api/seed-packs",
                "{}".getBytes(),
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + champion));
        assertThat(wrongType.status()).isEqualTo(400);
    }

    @Test
    void onlyChampionsImportAndExport() {
        Answer imported = postZip(PackFiles.zip(pack("")), carla);
        assertThat(imported.status()).isEqualTo(403);
        assertThat(http.get("/api/seed-packs/export", carla).status()).isEqualTo(403);
        assertThat(http.get("/api/seed-packs/export").status()).isEqualTo(401);
        assertThat(http.get("/curation/seed-packs", carla).status()).isEqualTo(403);
        assertThat(http.get("/api/articles").json().get("total").asInt()).isZero();
    }

    @Test
    void exportsAChosenSetBySlugSkillAndCollection() {
        assertThat(postZip(PackFiles.zip(pack("")), champion).status()).isEqualTo(200);
        http.post("/api/articles", Map.of("title", "Lunch places", "markdown", "The canteen."), carla);
        String collection =
                http.get("/api/collections").json().at("/collections/0/id").asText();

        Answer bySlug = export("?slug=lunch-places", champion);
        assertThat(bySlug.status()).isEqualTo(200);
        assertThat(bySlug.header("Content-Type")).startsWith("application/zip");
        assertThat(bySlug.header("Content-Disposition")).startsWith("attachment; filename=\"lore-seed-pack-");
        Map<String, String> lunch = PackFiles.unzip(bySlug.body());
        assertThat(lunch.keySet()).containsExactly("lunch-places.md", "people.json");
        // the page's last author travels with it, so an import credits them
        assertThat(lunch.get("lunch-places.md")).contains("author: \"carla.contrib\"");
        assertThat(lunch.get("people.json")).contains("carla.contrib").doesNotContain("role");

        assertThat(PackFiles.unzip(export("?skill=kafka", champion).body()).keySet())
                .containsExactly("kafka-basics.md", "people.json");
        Map<String, String> byCollection =
                PackFiles.unzip(export("?collection=" + collection, champion).body());
        assertThat(byCollection.keySet())
                .containsExactlyInAnyOrder("welcome-aboard.md", "kafka-basics.md", "people.json", "collections.json");
        assertThat(byCollection.get("people.json")).contains("nina.owner").doesNotContain("role");
        assertThat(PackFiles.unzip(export("", champion).body()).keySet())
                .contains("welcome-aboard.md", "kafka-basics.md", "lunch-places.md");

        Answer unknown = export("?slug=no-such-page", champion);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("no-such-page");
    }

    @Test
    void anExportImportsIntoAFreshLoreWithTheSameTitlesBodiesTagsAndOwners() {
        assertThat(postZip(PackFiles.zip(pack("")), champion).status()).isEqualTo(200);
        http.post(
                "/api/articles",
                Map.of(
                        "title", "Lunch places",
                        "markdown", "---\nowner: carla.contrib\n---\nThe canteen, *then* the park.",
                        "tags", List.of("office", "food")),
                carla);
        var before = articles();
        byte[] zip = export("?slug=welcome-aboard&slug=kafka-basics&slug=lunch-places", champion)
                .body();

        // a fresh Lore: an empty store with only the test accounts
        lore.lore().sync().resetWith(() -> TestLore.wipe(lore.lore().graph()));
        LoreAccess.ensureAdmin(lore.lore());
        String admin = http.login("admin", TestLore.PASSWORD);
        assertThat(http.get("/api/articles").json().get("total").asInt()).isZero();
        Answer imported = postZip(zip, admin);

        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(json(imported).at("/articles/created").asInt()).isEqualTo(3);
        assertThat(articles()).isEqualTo(before);
    }

    private Answer export(String query, String token) {
        return PackFiles.send(
                http.base(), "GET", "/api/seed-packs/export" + query, null, Map.of("Authorization", "Bearer " + token));
    }

    /** Each article's title, body, tags and owner, by slug. */
    private Map<String, List<String>> articles() {
        var all = new java.util.TreeMap<String, List<String>>();
        for (JsonNode a : http.get("/api/articles").json().get("articles")) {
            JsonNode full = http.get("/api/articles/" + a.get("slug").asText()).json();
            all.put(
                    full.get("slug").asText(),
                    List.of(
                            full.get("title").asText(),
                            dev.lore.server.markdown.FrontMatter.parse(
                                            full.get("markdown").asText())
                                    .body()
                                    .strip(),
                            full.get("tags").toString(),
                            full.get("owner").asText("")));
        }
        return all;
    }
}
