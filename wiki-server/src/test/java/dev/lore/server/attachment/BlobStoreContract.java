package dev.lore.server.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** What every blob store does, whatever holds the bytes. */
abstract class BlobStoreContract {

    /** An empty store, new for each test. */
    abstract BlobStore store();

    static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void storesContentUnderItsSha256AndReadsItBack() throws Exception {
        BlobStore store = store();
        var stored = store.put(bytes("runbook: restart the consumer"), 1_000);
        assertThat(stored.sha256()).isEqualTo(sha256("runbook: restart the consumer"));
        assertThat(stored.size()).isEqualTo(29);
        assertThat(store.size(stored.sha256())).contains(29L);
        assertThat(read(store.open(stored.sha256(), 0, stored.size()))).isEqualTo("runbook: restart the consumer");
        assertThat(store.list()).containsExactly(stored.sha256());
    }

    @Test
    void keepsTheSameBytesOnce() throws Exception {
        BlobStore store = store();
        var first = store.put(bytes("same"), 100);
        var second = store.put(bytes("same"), 100);
        store.put(bytes("other"), 100);
        assertThat(second).isEqualTo(first);
        assertThat(store.list()).hasSize(2).contains(first.sha256());
    }

    @Test
    void readsARangeOfABlob() throws Exception {
        BlobStore store = store();
        var stored = store.put(bytes("0123456789"), 100);
        assertThat(read(store.open(stored.sha256(), 3, 4))).isEqualTo("3456");
        assertThat(read(store.open(stored.sha256(), 9, 1))).isEqualTo("9");
    }

    @Test
    void refusesContentOverTheLimitAndKeepsNothing() throws Exception {
        BlobStore store = store();
        assertThatThrownBy(() -> store.put(bytes("eleven byte"), 10))
                .isInstanceOf(BlobTooLargeException.class)
                .hasMessageContaining("10 bytes");
        assertThat(store.list()).isEmpty();
        assertThat(store.size(sha256("eleven byte"))).isEmpty();
    }

    @Test
    void aMissingBlobHasNoSizeAndCannotBeOpened() throws Exception {
        BlobStore store = store();
        String missing = sha256("never stored");
        assertThat(store.size(missing)).isEmpty();
        assertThatThrownBy(() -> read(store.open(missing, 0, 5))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void deletesABlob() throws Exception {
        BlobStore store = store();
        var stored = store.put(bytes("short-lived"), 100);
        store.delete(stored.sha256());
        store.delete(stored.sha256());
        assertThat(store.size(stored.sha256())).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void refusesAHashThatIsNotOne() {
        BlobStore store = store();
        assertThatThrownBy(() -> store.open("../../etc/passwd", 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sha256 must be 64 lowercase hex digits");
    }
}
