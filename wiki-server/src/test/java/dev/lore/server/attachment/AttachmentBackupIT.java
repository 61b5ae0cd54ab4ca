package dev.lore.server.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.Config;
import dev.lore.server.Lore;
import dev.lore.server.LoreAccess;
import dev.lore.server.auth.Passwords;
import dev.lore.server.backup.Backups;
import dev.lore.server.backup.RemoteBackup;
import dev.lore.server.backup.Restore;
import dev.lore.server.seed.Progress;
import dev.lore.server.support.Files;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A backup carries the attachments' files and a restore brings them back, as {@code lore backup} and {@code lore restore} do. */
@ExtendWith(TestLore.class)
class AttachmentBackupIT {
    @TempDir
    Path temp;

    private static Config config(Path dataDir) {
        return new Config(
                0, dataDir, Optional.empty(), "", "", Optional.of(TestLore.PASSWORD), false, false, 128L << 20);
    }

    @Test
    void aRestoredLoreServesTheFilesOfTheBackup(TestLore.Running lore, Http http) throws Exception {
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        String slug = http.post("/api/articles", Map.of("title", "Backed up", "markdown", "With a file."), carla)
                .json()
                .get("slug")
                .asText();
        var uploaded = new Files(http.base())
                .upload(
                        "/api/files",
                        Map.of("article", slug),
                        "notes.txt",
                        "kept through the narwhalhouse restore".getBytes(StandardCharsets.UTF_8),
                        carla);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String url = uploaded.json().get("url").asText();
        lore.settle();

        Path backup = temp.resolve("backup");
        String admin = http.login("admin", TestLore.PASSWORD);
        RemoteBackup.download(http.base(), admin, backup, Progress.NONE);
        var copied = Backups.copyFiles(lore.lore().config(), backup);
        assertThat(copied.blobs()).isGreaterThanOrEqualTo(1);
        String sha = uploaded.json().get("sha256").asText();
        assertThat(BlobCopy.inBackup(backup).size(sha)).contains(37L);

        Path restoredDir = temp.resolve("restored");
        Restore.run(backup, config(restoredDir), false, Progress.NONE);
        assertThat(Restore.files(backup, config(restoredDir)).blobs()).isEqualTo(copied.blobs());
        try (Lore copy = LoreAccess.open(config(restoredDir), new Passwords(1024, 1), lore.clock())) {
            copy.serve();
            var other = new Files(URI.create("http://localhost:" + LoreAccess.port(copy)));
            String token = Http.at(URI.create("http://localhost:" + LoreAccess.port(copy)))
                    .login("carla.contrib", TestLore.PASSWORD);
            var got = other.get(url, token, Map.of());
            assertThat(got.status()).isEqualTo(200);
            assertThat(got.text()).isEqualTo("kept through the narwhalhouse restore");
            copy.attachments().flushExtraction(java.time.Duration.ofMinutes(2));
            copy.sync().catchUp();
            assertThat(Http.at(URI.create("http://localhost:" + LoreAccess.port(copy)))
                            .get("/api/search?q=narwhalhouse&type=attachment", token)
                            .json()
                            .get("hits"))
                    .hasSize(1);
        }
    }
}
