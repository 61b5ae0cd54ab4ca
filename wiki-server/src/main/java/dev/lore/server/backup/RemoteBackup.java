package dev.lore.server.backup;

import dev.lore.server.seed.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Asks a running Lore for a backup ({@code POST /api/admin/backup} with an admin's API token) and
 * saves it as a backup folder: the graph file, checked against the server's checksum and read
 * through once, then {@code SHA256SUMS}.
 */
public final class RemoteBackup {
    private RemoteBackup() {}

    /** Saves the backup of the server at {@code base} into {@code dir} (absent or empty). */
    public static BackupFormat.Header download(URI base, String token, Path dir, Progress progress) {
        Backups.requireEmptyFolder(dir);
        Path file = dir.resolve(BackupFormat.GRAPH_FILE);
        Path partial = dir.resolve(BackupFormat.GRAPH_FILE + ".partial");
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        var request = HttpRequest.newBuilder(base.resolve(BackupRoutes.PATH))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    String text = new String(body.readNBytes(4_096), StandardCharsets.UTF_8);
                    throw new BackupException(
                            "the server at " + base + " answered " + response.statusCode() + ": " + text
                                    + (response.statusCode() == 401 || response.statusCode() == 403
                                            ? " (LORE_ADMIN_TOKEN must be an API token of an admin)"
                                            : ""));
                }
                long total =
                        response.headers().firstValueAsLong("Content-Length").orElse(-1);
                try (OutputStream out = Files.newOutputStream(partial)) {
                    copy(body, out, total, progress);
                }
            }
            String expected =
                    response.headers().firstValue(BackupRoutes.SHA_HEADER).orElse("");
            String actual = Backups.sha256(partial);
            if (!expected.equalsIgnoreCase(actual)) {
                throw new BackupException("the download is damaged: the server sent " + expected + ", received "
                        + actual + "; run the backup again");
            }
            Files.move(partial, file);
            return Backups.writeChecksums(dir);
        } catch (IOException e) {
            throw new BackupException("cannot reach Lore at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("interrupted", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private static void copy(InputStream in, OutputStream out, long total, Progress progress) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long done = 0;
        int n;
        int totalKib = (int) Math.max(0, total >> 10);
        int shown = -1;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            done += n;
            int kib = (int) Math.min(totalKib, done >> 10);
            if (totalKib > 0 && kib != shown) {
                progress.update(kib, totalKib, "KiB");
                shown = kib;
            }
        }
        if (total > 0 && (done >> 10) < totalKib) {
            throw new BackupException("the download stopped after " + done + " of " + total + " bytes");
        }
    }
}
