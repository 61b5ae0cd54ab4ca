package dev.lore.server.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.support.Files;
import dev.lore.server.support.S3Server;
import dev.lore.server.support.TestLore;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A Lore configured with {@code LORE_BLOBS=s3://...} keeps and serves files through a real S3 API server. */
@ExtendWith(TestLore.class)
class AttachmentS3IT {

    @Test
    void uploadsToAndServesFromAnS3Bucket(TestLore.Running lore) throws Exception {
        var s3 = lore.another("s3-files", c -> c.withFiles(c.files().withS3(S3Server.settings("lore-files"))));
        String token = s3.http().login("carla.contrib", TestLore.PASSWORD);
        String slug = s3.http()
                .post("/api/articles", Map.of("title", "In the bucket", "markdown", "Files in S3."), token)
                .json()
                .get("slug")
                .asText();
        var files = new Files(s3.http().base());
        byte[] content = "kept in an object store".getBytes(StandardCharsets.UTF_8);
        var uploaded = files.upload("/api/files", Map.of("article", slug), "bucket.txt", content, token);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String sha = uploaded.json().get("sha256").asText();

        assertThat(s3.lore().blobs().describe()).startsWith("s3://" + S3Server.BUCKET + "/lore-files");
        assertThat(s3.lore().blobs().size(sha)).contains((long) content.length);
        var whole = files.get(uploaded.json().get("url").asText(), token, Map.of());
        assertThat(whole.body()).isEqualTo(content);
        var part = files.get(uploaded.json().get("url").asText(), token, Map.of("Range", "bytes=3-9"));
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(content, 3, 10));
    }
}
