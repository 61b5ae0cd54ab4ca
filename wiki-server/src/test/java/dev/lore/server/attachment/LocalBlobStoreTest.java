package dev.lore.server.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest extends BlobStoreContract {
    @TempDir
    Path dir;

    @Override
    BlobStore store() {
        return new LocalBlobStore(dir.resolve("files"));
    }

    @Test
    void leavesNoPartialFileWhenAnUploadFails() throws Exception {
        var store = new LocalBlobStore(dir.resolve("files"));
        assertThatThrownBy(() -> store.put(bytes("x".repeat(100)), 50)).isInstanceOf(BlobTooLargeException.class);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void keepsBlobsInFoldersByHash() throws Exception {
        var store = new LocalBlobStore(dir.resolve("files"));
        var stored = store.put(bytes("hello"), 100);
        String h = stored.sha256();
        assertThat(dir.resolve("files")
                        .resolve(h.substring(0, 2))
                        .resolve(h.substring(2, 4))
                        .resolve(h))
                .hasContent("hello");
    }
}
