package dev.lore.server.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.support.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 store against a real S3 API server (S3Mock) started in the test JVM, each test under its own prefix. */
class S3BlobStoreIT extends BlobStoreContract {
    @TempDir
    Path staging;

    private S3BlobStore store;

    @Override
    BlobStore store() {
        store = S3BlobStore.connect(S3Server.settings("t-" + UUID.randomUUID()), staging);
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void describesItsBucketWithoutTheSecret() {
        BlobStore s = store();
        assertThat(s.describe()).startsWith("s3://" + S3Server.BUCKET + "/t-").doesNotContain("test-secret");
    }

    @Test
    void leavesNothingStagedAfterAnUpload() throws Exception {
        store().put(bytes("staged then sent"), 100);
        try (var files = Files.list(staging)) {
            assertThat(files).isEmpty();
        }
    }
}
