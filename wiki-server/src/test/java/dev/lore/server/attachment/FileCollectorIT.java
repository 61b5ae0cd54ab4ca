package dev.lore.server.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.support.Files;
import dev.lore.server.support.Http;
import dev.lore.server.support.S3Server;
import dev.lore.server.support.SampleFiles;
import dev.lore.server.support.TestLore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code gc-files}: blobs no file uses go, blobs in use (every version of a live file, and its
 * thumbnail) stay, and blobs written recently stay for the upload that may be about to name them.
 */
@ExtendWith(TestLore.class)
class FileCollectorIT {
    private TestLore.Running lore;
    private Http http;
    private Files files;
    private String carla;
    private String admin;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        this.files = new Files(http.base());
        carla = http.login("carla.contrib", TestLore.PASSWORD);
        admin = http.login("admin", TestLore.PASSWORD);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String article(Http on, String token, String title) {
        var r = on.post("/api/articles", Map.of("title", title, "markdown", "Text of " + title + "."), token);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("slug").asText();
    }

    private JsonNode upload(Files to, String token, String slug, String name, byte[] content) {
        var r = to.upload("/api/files", Map.of("article", slug), name, content, token);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private String stray(BlobStore blobs, String text) throws Exception {
        return blobs.put(new ByteArrayInputStream(utf8(text)), 1_000).sha256();
    }

    @Test
    void removesBlobsNoLiveFileUsesAndKeepsEveryVersionAndThumbnailInUse() throws Exception {
        BlobStore blobs = lore.lore().blobs();
        String slug = article(http, carla, "Diagrams");
        JsonNode kept = upload(files, carla, slug, "v1.txt", utf8("first version of the notes"));
        String v1 = kept.get("sha256").asText();
        var replaced = files.upload(
                "/api/files/" + kept.get("id").asText(), Map.of(), "v2.txt", utf8("second version"), carla);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        String v2 = replaced.json().get("sha256").asText();
        JsonNode image = upload(files, carla, slug, "dot.png", SampleFiles.png(4, 3));
        var thumb = files.get("/thumbs/" + image.get("id").asText(), carla, Map.of());
        assertThat(thumb.status()).isEqualTo(200);
        String thumbSha = thumb.header("ETag").orElseThrow().replace("\"", "");
        JsonNode gone = upload(files, carla, slug, "old.txt", utf8("a file someone deleted"));
        assertThat(http.delete("/api/files/" + gone.get("id").asText(), carla).status())
                .isEqualTo(204);
        String orphan = stray(blobs, "bytes of an upload whose page was never recorded");
        var before = blobs.list();

        var dry = lore.lore().attachments().collectUnusedBlobs(true, Duration.ZERO);

        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.hashes()).contains(orphan, gone.get("sha256").asText());
        assertThat(blobs.list()).containsExactlyInAnyOrderElementsOf(before);

        var done = lore.lore().attachments().collectUnusedBlobs(false, Duration.ZERO);

        assertThat(done.hashes()).contains(orphan, gone.get("sha256").asText());
        assertThat(done.removed()).isEqualTo(dry.removed());
        assertThat(blobs.list()).doesNotContain(orphan, gone.get("sha256").asText());
        assertThat(blobs.list()).contains(v1, v2, image.get("sha256").asText());
        assertThat(blobs.list()).contains(thumbSha);
        assertThat(files.get(kept.get("url").asText() + "?v=1", carla, Map.of()).text())
                .isEqualTo("first version of the notes");
        assertThat(files.get("/thumbs/" + image.get("id").asText(), carla, Map.of())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void keepsUnusedBlobsWrittenRecentlyForUploadsInProgress() throws Exception {
        BlobStore blobs = lore.lore().blobs();
        String fresh = stray(blobs, "an upload arriving right now");

        var result = lore.lore().attachments().collectUnusedBlobs(false, Duration.ofHours(1));

        assertThat(result.hashes()).doesNotContain(fresh);
        assertThat(result.recent()).isGreaterThanOrEqualTo(1);
        assertThat(blobs.size(fresh)).isPresent();
    }

    @Test
    void storingBytesThatAreThereAgainMarksThemAsNewSoACollectionLeavesThem() throws Exception {
        var blobs = (LocalBlobStore) lore.lore().blobs();
        String sha = stray(blobs, "bytes uploaded long ago, then once more");
        java.nio.file.Files.setLastModifiedTime(
                blobs.pathOf(sha), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        assertThat(lore.lore()
                        .attachments()
                        .collectUnusedBlobs(true, Duration.ofHours(1))
                        .hashes())
                .contains(sha);

        stray(blobs, "bytes uploaded long ago, then once more");

        var result = lore.lore().attachments().collectUnusedBlobs(false, Duration.ofHours(1));
        assertThat(result.hashes()).doesNotContain(sha);
        assertThat(blobs.size(sha)).isPresent();
    }

    @Test
    void adminsCollectThroughTheApiAndOthersMayNot() throws Exception {
        String orphan = stray(lore.lore().blobs(), "left behind by a failed upload");

        assertThat(http.post("/api/admin/files/gc?keepHours=0", Map.of(), carla).status())
                .isEqualTo(403);
        assertThat(http.post("/api/admin/files/gc?keepHours=-3", Map.of(), admin)
                        .status())
                .isEqualTo(400);
        var dry = http.post("/api/admin/files/gc?dryRun=true&keepHours=0", Map.of(), admin);
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(dry.json().get("dryRun").asBoolean()).isTrue();
        assertThat(dry.body()).contains(orphan);
        assertThat(lore.lore().blobs().size(orphan)).isPresent();

        var done = http.post("/api/admin/files/gc?keepHours=0", Map.of(), admin);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("removed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(lore.lore().blobs().size(orphan)).isEmpty();
    }

    @Test
    void collectsInAnS3Bucket() throws Exception {
        var s3 = lore.another("s3-gc", c -> c.withFiles(c.files().withS3(S3Server.settings("lore-gc"))));
        String token = s3.http().login("carla.contrib", TestLore.PASSWORD);
        String slug = article(s3.http(), token, "In the bucket");
        JsonNode kept = upload(new Files(s3.http().base()), token, slug, "kept.txt", utf8("kept in the bucket"));
        BlobStore blobs = s3.lore().blobs();
        String orphan = stray(blobs, "nobody names these bytes");
        assertThat(blobs.entries())
                .anySatisfy(b -> assertThat(b.sha256()).isEqualTo(orphan))
                .allSatisfy(b -> assertThat(b.modified()).isNotNull());
        assertThat(blobs.modified(orphan)).isPresent();

        var fresh = s3.lore().attachments().collectUnusedBlobs(false, Duration.ofHours(1));
        assertThat(fresh.hashes()).doesNotContain(orphan);

        var result = s3.lore().attachments().collectUnusedBlobs(false, Duration.ZERO);

        assertThat(result.hashes()).contains(orphan);
        assertThat(blobs.size(orphan)).isEmpty();
        assertThat(blobs.modified(orphan)).isEmpty();
        assertThat(blobs.size(kept.get("sha256").asText())).isPresent();
    }
}
