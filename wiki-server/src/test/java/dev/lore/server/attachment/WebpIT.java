package dev.lore.server.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.support.Files;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** WebP images, lossy and lossless, are shown inline and get a thumbnail like JPEG and PNG. */
@ExtendWith(TestLore.class)
class WebpIT {
    /** One pixel, lossy (VP8). */
    static final byte[] LOSSY = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
    /** One transparent pixel, lossless (VP8L). */
    static final byte[] LOSSLESS = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    @Test
    void webpImagesAreShownInlineWithAThumbnail(TestLore.Running lore, Http http) throws Exception {
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        var files = new Files(http.base());
        var page = http.post("/api/articles", Map.of("title", "Screenshots", "markdown", "Pictures."), carla);
        String slug = page.json().get("slug").asText();
        assertThat(Thumbnails.scalable("image/webp")).isTrue();

        for (byte[] webp : new byte[][] {LOSSY, LOSSLESS}) {
            var up = files.upload("/api/files", Map.of("article", slug), "shot.webp", webp, carla);
            assertThat(up.status()).as(up.body()).isEqualTo(201);
            assertThat(up.json().get("type").asText()).isEqualTo("image/webp");
            String id = up.json().get("id").asText();

            var original = files.get(up.json().get("url").asText(), carla, Map.of());
            assertThat(original.header("Content-Disposition"))
                    .hasValueSatisfying(d -> assertThat(d).startsWith("inline"));
            var thumb = files.get("/thumbs/" + id, carla, Map.of());
            assertThat(thumb.status()).isEqualTo(200);
            assertThat(thumb.header("Content-Type")).contains("image/png");
            var image = ImageIO.read(new ByteArrayInputStream(thumb.body()));
            assertThat(image.getWidth()).isEqualTo(1);
            assertThat(image.getHeight()).isEqualTo(1);
        }
        String article = http.get("/wiki/" + slug, carla).body();
        assertThat(article).contains("/thumbs/");
    }
}
