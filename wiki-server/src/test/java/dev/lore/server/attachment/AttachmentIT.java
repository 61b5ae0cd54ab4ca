package dev.lore.server.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Files;
import dev.lore.server.support.Http;
import dev.lore.server.support.SampleFiles;
import dev.lore.server.support.TestLore;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attachments through HTTP on a real Lore: uploads to a page, listing, downloads with safe
 * headers, type by content, ranges, history, and files that follow their page's visibility.
 */
@ExtendWith(TestLore.class)
class AttachmentIT {
    private Http http;
    private Files files;
    private String carla;
    private String rudi;
    private String champ;
    private TestLore.Running lore;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        this.files = new Files(http.base());
        carla = http.login("carla.contrib", TestLore.PASSWORD);
        rudi = http.login("rudi.reader", TestLore.PASSWORD);
        champ = lore.person("chris.champion", "Chris Champion", "Enablement", Role.CHAMPION);
    }

    private String article(String title) {
        var r = http.post("/api/articles", Map.of("title", title, "markdown", "Text of " + title + "."), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("slug").asText();
    }

    private JsonNode upload(String slug, String name, byte[] content) {
        var r = files.upload("/api/files", Map.of("article", slug), name, content, carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void uploadsAFileToAnArticleListsItAndServesItBack() {
        String slug = article("Consumer runbook");
        JsonNode file = upload(slug, "steps.txt", utf8("restart the consumer group"));
        assertThat(file.get("name").asText()).isEqualTo("steps.txt");
        assertThat(file.get("type").asText()).isEqualTo("text/plain");
        assertThat(file.get("size").asLong()).isEqualTo(26);
        assertThat(file.get("sha256").asText()).hasSize(64);
        assertThat(file.get("url").asText()).startsWith("/files/").endsWith("/steps.txt");

        JsonNode listed =
                http.get("/api/articles/" + slug + "/files", rudi).json().get("files");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("by").get("name").asText()).isEqualTo("Carla Contributor");
        assertThat(listed.get(0).get("page").get("url").asText()).isEqualTo("/wiki/" + slug);

        var got = files.get(file.get("url").asText(), rudi, Map.of());
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.text()).isEqualTo("restart the consumer group");
        assertThat(got.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(got.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(got.header("Content-Security-Policy"))
                .hasValueSatisfying(c -> assertThat(c).contains("sandbox").contains("default-src 'none'"));
        assertThat(got.header("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment;").contains("filename=\"steps.txt\""));
        assertThat(got.header("ETag")).contains("\"" + file.get("sha256").asText() + "\"");
        assertThat(files.get(
                                file.get("url").asText(),
                                rudi,
                                Map.of("If-None-Match", got.header("ETag").orElseThrow()))
                        .status())
                .isEqualTo(304);
    }

    @Test
    void decidesTheTypeByContentNotByName() throws Exception {
        String slug = article("Types");
        JsonNode fakePng = upload(slug, "cat.png", utf8("<html><script>alert(1)</script></html>"));
        assertThat(fakePng.get("type").asText()).isEqualTo("text/html");
        var served = files.get(fakePng.get("url").asText(), rudi, Map.of());
        assertThat(served.header("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
        assertThat(served.header("X-Content-Type-Options")).contains("nosniff");

        JsonNode realPng = upload(slug, "notes.txt", SampleFiles.png(4, 3));
        assertThat(realPng.get("type").asText()).isEqualTo("image/png");
        assertThat(files.get(realPng.get("url").asText(), rudi, Map.of()).header("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("inline;"));
    }

    @Test
    void servesSvgOnlyAsASandboxedDownload() {
        String slug = article("Diagrams");
        JsonNode svg = upload(
                slug,
                "diagram.svg",
                utf8("<svg xmlns=\"http://www.w3.org/2000/svg\">"
                        + "<script>alert(document.cookie)</script><rect width=\"10\" height=\"10\"/></svg>"));
        assertThat(svg.get("type").asText()).isEqualTo("image/svg+xml");
        var served = files.get(svg.get("url").asText(), rudi, Map.of());
        assertThat(served.header("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
        assertThat(served.header("Content-Security-Policy"))
                .hasValueSatisfying(c -> assertThat(c).contains("sandbox"));
    }

    @Test
    void answersRangeRequestsWith206() {
        String slug = article("Screen recording");
        byte[] mp4 = new byte[1000];
        byte[] head = {
            0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'i', 's', 'o', '2'
        };
        System.arraycopy(head, 0, mp4, 0, head.length);
        for (int i = head.length; i < mp4.length; i++) {
            mp4[i] = (byte) i;
        }
        JsonNode video = upload(slug, "demo.mp4", mp4);
        assertThat(video.get("type").asText()).isEqualTo("video/mp4");
        String url = video.get("url").asText();

        var part = files.get(url, rudi, Map.of("Range", "bytes=100-199"));
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).contains("bytes 100-199/1000");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(mp4, 100, 200));
        assertThat(part.header("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("inline;"));

        var tail = files.get(url, rudi, Map.of("Range", "bytes=-10"));
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(mp4, 990, 1000));

        var beyond = files.get(url, rudi, Map.of("Range", "bytes=5000-"));
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).contains("bytes */1000");

        assertThat(files.get(url, rudi, Map.of()).body()).isEqualTo(mp4);
    }

    @Test
    void keepsOnlyTheLastPartOfAFileNameWithFolders() {
        String slug = article("Names");
        JsonNode file = upload(slug, "../../etc/x.txt", utf8("plain"));
        assertThat(file.get("name").asText()).isEqualTo("x.txt");
    }

    @Test
    void refusesProgramsWith415AndUploadsWithoutSignInOrRole() {
        String slug = article("Programs");
        byte[] elf = new byte[64];
        byte[] magic = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(magic, 0, elf, 0, magic.length);
        elf[16] = 2; // an executable
        var program = files.upload("/api/files", Map.of("article", slug), "tool.txt", elf, carla);
        assertThat(program.status()).as(program.body()).isEqualTo(415);
        assertThat(program.json().get("error").asText()).isEqualTo("unsupported_media_type");

        assertThat(files.upload("/api/files", Map.of("article", slug), "a.txt", utf8("x"), null)
                        .status())
                .isIn(401, 403); // a write without a session or token is refused as cross-site first
        assertThat(files.upload("/api/files", Map.of("article", slug), "a.txt", utf8("x"), rudi)
                        .status())
                .isEqualTo(403);
        var nowhere = files.upload("/api/files", Map.of("article", "no-such-page"), "a.txt", utf8("x"), carla);
        assertThat(nowhere.status()).isEqualTo(404);
        var noPage = files.upload("/api/files", Map.of(), "a.txt", utf8("x"), carla);
        assertThat(noPage.status()).isEqualTo(400);
        assertThat(noPage.json().get("detail").asText()).contains("exactly one of article");
    }

    @Test
    void refusesAFileOverTheLimitWith413NamingIt() {
        var small = lore.another("small-files", c -> c.withFiles(c.files().withMaxFileBytes(1024)));
        var smallFiles = new Files(small.http().base());
        String token = small.http().login("carla.contrib", TestLore.PASSWORD);
        var r = small.http().post("/api/articles", Map.of("title", "Limits", "markdown", "Small files only."), token);
        String slug = r.json().get("slug").asText();
        var tooLarge = smallFiles.upload("/api/files", Map.of("article", slug), "big.txt", new byte[2048], token);
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.json().get("detail").asText()).contains("1 KiB");
        assertThat(tooLarge.header("Connection"))
                .as("the unread rest of the body leaves the connection unusable: the client is told")
                .contains("close");
        var fits = smallFiles.upload("/api/files", Map.of("article", slug), "fits.txt", utf8("small"), token);
        assertThat(fits.status()).as(fits.body()).isEqualTo(201);
    }

    @Test
    void aHiddenPageHidesItsFilesFromReadersButNotFromChampions() {
        String slug = article("Soon hidden");
        JsonNode file = upload(slug, "secret.txt", utf8("only for champions now"));
        var hide = http.post("/api/moderation/article/" + slug + "/hide", Map.of("reason", "outdated"), champ);
        assertThat(hide.status()).as(hide.body()).isEqualTo(204);

        assertThat(files.get(file.get("url").asText(), rudi, Map.of()).status()).isEqualTo(404);
        assertThat(http.get("/api/articles/" + slug + "/files", rudi).json().get("files"))
                .isEmpty();
        assertThat(files.get(file.get("url").asText(), champ, Map.of()).status())
                .isEqualTo(200);
    }

    @Test
    void aReplacedFileKeepsItsOldVersion() {
        String slug = article("Versions");
        JsonNode first = upload(slug, "plan.txt", utf8("first plan"));
        String id = first.get("id").asText();
        var second = files.upload("/api/files/" + id, Map.of(), "plan.txt", utf8("second plan"), carla);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("version").asInt()).isEqualTo(2);

        assertThat(files.get("/files/" + id, rudi, Map.of()).text()).isEqualTo("second plan");
        assertThat(files.get("/files/" + id + "?v=1", rudi, Map.of()).text()).isEqualTo("first plan");
        JsonNode described = http.get("/api/files/" + id, rudi).json();
        assertThat(described.get("versions")).hasSize(2);
        assertThat(http.get("/api/articles/" + slug + "/files", rudi).json().get("files"))
                .hasSize(1);
    }

    @Test
    void aDeletedFileIsGoneForEveryone() {
        String slug = article("Deleting");
        JsonNode file = upload(slug, "old.txt", utf8("old"));
        assertThat(http.delete("/api/files/" + file.get("id").asText(), carla).status())
                .isEqualTo(204);
        assertThat(files.get(file.get("url").asText(), champ, Map.of()).status())
                .isEqualTo(404);
        assertThat(http.get("/api/articles/" + slug + "/files", rudi).json().get("files"))
                .isEmpty();
    }
}
