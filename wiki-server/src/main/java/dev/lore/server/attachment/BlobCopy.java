package dev.lore.server.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Copies blobs from one store to another, for backups ({@code files/} beside the graph file) and
 * restores. Each blob is hashed again on the way in and must match its name, so a damaged copy is
 * refused; blobs the target already has are skipped. Blobs never change once stored, so copying
 * from the store of a running Lore is safe.
 */
public final class BlobCopy {
    /** The folder inside a backup that holds the blobs. */
    public static final String BACKUP_FOLDER = "files";

    private BlobCopy() {}

    /** What was copied: how many blobs, how many bytes. */
    public record Copied(int blobs, long bytes) {}

    /** Copies every blob of {@code from} missing in {@code to}. */
    public static Copied copyAll(BlobStore from, BlobStore to) {
        int blobs = 0;
        long bytes = 0;
        try {
            for (String sha : from.list()) {
                if (to.size(sha).isPresent()) {
                    continue;
                }
                long size = from.size(sha).orElseThrow(() -> new IOException("blob " + sha + " vanished"));
                BlobStore.StoredBlob copy;
                try (InputStream in = from.open(sha, 0, size)) {
                    copy = to.put(in, Long.MAX_VALUE);
                }
                if (!copy.sha256().equals(sha)) {
                    to.delete(copy.sha256());
                    throw new IOException("blob " + sha + " in " + from.describe() + " is damaged: its bytes hash to "
                            + copy.sha256());
                }
                blobs++;
                bytes += size;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Copied(blobs, bytes);
    }

    /** The blobs of a backup folder, as a store. */
    public static BlobStore inBackup(Path backupDir) {
        return new LocalBlobStore(backupDir.resolve(BACKUP_FOLDER));
    }
}
