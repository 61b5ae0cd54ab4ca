package dev.lore.server.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * File bytes, addressed by the SHA-256 of their content (64 lowercase hex digits): the same bytes
 * are stored once however often they are uploaded. A blob appears whole or not at all; nothing
 * here knows which page uses a blob (the graph does). Implementations are thread-safe.
 */
public interface BlobStore extends AutoCloseable {

    /**
     * Reads {@code content} to its end and stores it, unless a blob with the same bytes is there
     * already; either way the blob counts as just written (see {@link #modified}).
     *
     * @throws BlobTooLargeException if the content is longer than {@code maxBytes} (nothing is kept)
     */
    StoredBlob put(InputStream content, long maxBytes) throws IOException;

    /** The size of a stored blob, or empty when there is none with this hash. */
    Optional<Long> size(String sha256) throws IOException;

    /**
     * Opens {@code length} bytes of a blob from {@code offset}; the caller closes the stream.
     *
     * @throws java.nio.file.NoSuchFileException if there is no such blob
     */
    InputStream open(String sha256, long offset, long length) throws IOException;

    /** Removes a blob; removing one that is not there does nothing. */
    void delete(String sha256) throws IOException;

    /** The hashes of every stored blob, in no particular order. */
    List<String> list() throws IOException;

    /** Every stored blob with its size and when it was last written, in no particular order. */
    List<Listed> entries() throws IOException;

    /**
     * When a blob was last written (stored, or stored again with the same bytes), or empty when
     * there is none with this hash. {@code gc-files} keeps blobs written recently: an upload in
     * progress may not be in the graph yet.
     */
    Optional<java.time.Instant> modified(String sha256) throws IOException;

    /** Where the blobs are, for logs ("folder data/files", "s3://bucket/prefix at http://..."). */
    String describe();

    @Override
    default void close() {}

    /** A blob as a listing shows it. */
    record Listed(String sha256, long size, java.time.Instant modified) {}

    /** A stored blob: its content hash and size in bytes. */
    record StoredBlob(String sha256, long size) {
        public StoredBlob {
            Blobs.requireHash(sha256);
        }
    }
}
