package dev.lore.server.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.Files;
import dev.lore.server.support.Http;
import dev.lore.server.support.SampleFiles;
import dev.lore.server.support.TestLore;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attachments as people meet them on pages: the plain upload form, the page's list of files with
 * thumbnails and players, the editor's file picker, and lists that follow the page's visibility.
 */
@ExtendWith(TestLore.class)
class AttachmentPagesIT {
    private static final Pattern THUMB = Pattern.compile("src=\"(/thumbs/[^\"]+)\"");

    private Http http;
    private Files files;
    private String carla;
    private String rudi;
    private String champ;
    private String browser;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.http = http;
        this.files = new Files(http.base());
        carla = http.login("carla.contrib", TestLore.PASSWORD);
        rudi = http.login("rudi.reader", TestLore.PASSWORD);
        champ = lore.person("chris.champion", "Chris Champion", "Enablement", Role.CHAMPION);
        browser = http.browserSession("carla.contrib", TestLore.PASSWORD);
    }

    private String article(String title) {
        var r = http.post("/api/articles", Map.of("title", title, "markdown", "Text of " + title + "."), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("slug").asText();
    }

    private Http.Response formUpload(Map<String, String> fields, String name, byte[] content) {
        var all = new java.util.HashMap<>(fields);
        all.put("_csrf", Http.csrfOf(browser));
        return files.uploadWithHeaders("/files", all, name, content, Map.of("Cookie", browser));
    }

    /** An orange top-left quarter on {@code width} by {@code height} pixels. */
    static byte[] png(int width, int height) {
        return SampleFiles.png(width, height, image -> {
            var g = image.createGraphics();
            g.setColor(Color.ORANGE);
            g.fillRect(0, 0, width / 2, height / 2);
            g.dispose();
        });
    }

    @Test
    void aFileUploadedThroughThePlainFormIsListedOnThePageWithItsThumbnail() throws Exception {
        String slug = article("Network diagram");

        var posted = formUpload(Map.of("article", slug), "network.png", png(40, 30));
        assertThat(posted.status()).as(posted.body()).isEqualTo(303);
        assertThat(posted.header("Location")).contains("/wiki/" + slug + "#files");

        String html = http.getWithCookies("/wiki/" + slug, browser).body();
        assertThat(html).contains("id=\"files\"").contains("network.png").contains("image/png");
        var thumb = THUMB.matcher(html);
        assertThat(thumb.find()).as(html).isTrue();
        var image = files.get(thumb.group(1).replace("&amp;", "&"), rudi, Map.of());
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.header("Content-Type")).contains("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(image.body()))).isNotNull();
        // the upload form is there for someone who may edit, with the CSRF token of the other forms
        assertThat(html).contains("action=\"/files\"").contains("enctype=\"multipart/form-data\"");
    }

    @Test
    void readersSeeTheListButNoUploadForm() {
        String slug = article("Runbook");
        assertThat(files.upload("/api/files", Map.of("article", slug), "runbook.txt", utf8("steps"), carla)
                        .status())
                .isEqualTo(201);

        String html = http.get("/wiki/" + slug, rudi).body();
        assertThat(html).contains("runbook.txt").doesNotContain("action=\"/files\"");
    }

    @Test
    void aThumbnailOfALargeImageIsSmall() throws Exception {
        String slug = article("Big picture");
        var r = files.upload("/api/files", Map.of("article", slug), "big.png", png(3000, 2000), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);

        var thumb = files.get("/thumbs/" + r.json().get("id").asText(), rudi, Map.of());
        assertThat(thumb.status()).isEqualTo(200);
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumb.body()));
        assertThat(Math.max(small.getWidth(), small.getHeight())).isEqualTo(Thumbnails.EDGE);
        assertThat(small.getWidth()).isGreaterThan(small.getHeight());
        assertThat(thumb.body().length).isLessThan(64 * 1024);
        // asked again, the same thumbnail (made once, kept in the blob store)
        var again = files.get(
                "/thumbs/" + r.json().get("id").asText(),
                rudi,
                Map.of("If-None-Match", thumb.header("ETag").orElseThrow()));
        assertThat(again.status()).isEqualTo(304);
    }

    @Test
    void aFileThatIsNotAnImageGetsAnIconAndNoThumbnail() {
        String slug = article("Odd files");
        var fake =
                files.upload("/api/files", Map.of("article", slug), "photo.png", utf8("not a picture at all"), carla);
        assertThat(fake.status()).as(fake.body()).isEqualTo(201);
        // bytes that claim to be a PNG but do not decode
        byte[] broken = new byte[64];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, broken, 0, 8);
        var corrupt = files.upload("/api/files", Map.of("article", slug), "broken.png", broken, carla);
        assertThat(corrupt.status()).as(corrupt.body()).isEqualTo(201);

        assertThat(files.get("/thumbs/" + fake.json().get("id").asText(), rudi, Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(files.get("/thumbs/" + corrupt.json().get("id").asText(), rudi, Map.of())
                        .status())
                .isEqualTo(404);
        var page = http.get("/wiki/" + slug, rudi);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("photo.png").contains("class=\"file-icon\"");
        // the thumbnail that failed is not offered again
        assertThat(page.body())
                .doesNotContain("/thumbs/" + corrupt.json().get("id").asText());
    }

    @Test
    void audioAndVideoPlayInThePage() throws Exception {
        String slug = article("Recordings");
        byte[] wav = wav();
        assertThat(files.upload("/api/files", Map.of("article", slug), "hello.wav", wav, carla)
                        .status())
                .isEqualTo(201);

        assertThat(http.get("/wiki/" + slug, rudi).body()).contains("<audio").contains("hello.wav");
    }

    @Test
    void aHiddenPageShowsNoFilesToReaders() {
        String slug = article("Soon hidden");
        assertThat(files.upload("/api/files", Map.of("article", slug), "secret-plan.txt", utf8("x"), carla)
                        .status())
                .isEqualTo(201);
        var hide = http.post("/api/moderation/article/" + slug + "/hide", Map.of("reason", "outdated"), champ);
        assertThat(hide.status()).as(hide.body()).isEqualTo(204);

        assertThat(http.get("/wiki/" + slug, rudi).body()).doesNotContain("secret-plan.txt");
        assertThat(http.get("/wiki/" + slug, champ).body()).contains("secret-plan.txt");
    }

    @Test
    void anAnswersFilesAreListedUnderTheAnswer() {
        var q = http.post("/api/questions", Map.of("title", "How do I reach the VPN?", "markdown", "From home."), rudi);
        assertThat(q.status()).as(q.body()).isEqualTo(201);
        String qid = q.json().get("id").asText();
        var a = http.post("/api/questions/" + qid + "/answers", Map.of("markdown", "See the attached guide."), carla);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        String aid = a.json().get("id").asText();

        var posted = formUpload(Map.of("answer", aid), "vpn-guide.txt", utf8("1. connect"));
        assertThat(posted.status()).as(posted.body()).isEqualTo(303);
        assertThat(posted.header("Location")).contains("/questions/" + qid + "#files-" + aid);

        String html = http.get("/questions/" + qid, rudi).body();
        int answer = html.indexOf("id=\"answer-" + aid + "\"");
        assertThat(answer).isPositive();
        assertThat(html.indexOf("vpn-guide.txt")).isGreaterThan(answer);
        assertThat(html).contains("id=\"files-" + aid + "\"");
    }

    @Test
    void theEditorOffersAFilePickerThatComesBackToTheEditor() {
        String slug = article("Edited with files");
        String editor = http.getWithCookies("/wiki/" + slug + "/edit", browser).body();
        assertThat(editor).contains("action=\"/files\"").contains("name=\"back\" value=\"/wiki/" + slug + "/edit\"");

        var posted = formUpload(Map.of("article", slug, "back", "/wiki/" + slug + "/edit"), "notes.txt", utf8("n"));
        assertThat(posted.status()).as(posted.body()).isEqualTo(303);
        assertThat(posted.header("Location")).contains("/wiki/" + slug + "/edit#files");
        assertThat(http.getWithCookies("/wiki/" + slug + "/edit", browser).body())
                .contains("notes.txt")
                .contains("[notes.txt](/files/");
        // a back link elsewhere is ignored
        var elsewhere = formUpload(Map.of("article", slug, "back", "https://evil.example/"), "n2.txt", utf8("m"));
        assertThat(elsewhere.header("Location")).contains("/wiki/" + slug + "#files");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A tenth of a second of silence as a WAV file. */
    private static byte[] wav() throws Exception {
        var format = new javax.sound.sampled.AudioFormat(8000, 8, 1, false, false);
        byte[] silence = new byte[800];
        var stream =
                new javax.sound.sampled.AudioInputStream(new ByteArrayInputStream(silence), format, silence.length);
        var out = new ByteArrayOutputStream();
        javax.sound.sampled.AudioSystem.write(stream, javax.sound.sampled.AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }
}
