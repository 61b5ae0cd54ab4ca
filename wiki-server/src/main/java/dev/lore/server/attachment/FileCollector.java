package dev.lore.server.attachment;

import dev.lore.graph.attachment.AttachmentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes blobs that nothing uses any more ({@code lore gc-files}): bytes of deleted files, of
 * uploads refused or interrupted after their bytes were stored, and thumbnails of such images.
 * A blob is in use while a version of a file that is not deleted holds it, or is a thumbnail of
 * one (see {@link AttachmentStore#referencedHashes}).
 *
 * <p>Safe beside uploads: an upload stores its bytes before the graph names them, so a blob
 * written less than {@code keep} ago is never removed, and storing bytes that are there already
 * marks them as just written. The blobs are listed before the graph is read, and each one's age
 * is checked again just before it goes. Never run by a request. Thread-safe.
 */
public final class FileCollector {
    private static final Logger LOG = LoggerFactory.getLogger(FileCollector.class);
    /** How many removed (or removable) hashes a report names; the counts cover them all. */
    static final int NAMED = 1_000;

    private final AttachmentStore store;
    private final BlobStore blobs;
    private final Clock clock;

    public FileCollector(AttachmentStore store, BlobStore blobs, Clock clock) {
        this.store = store;
        this.blobs = blobs;
        this.clock = clock;
    }

    /**
     * What a run found.
     *
     * @param blobs every blob in the store
     * @param inUse blobs the graph names
     * @param recent unused blobs kept because they were written within {@code keep}
     * @param removed unused blobs removed (or, in a dry run, that would be)
     * @param removedBytes their size
     * @param hashes the first {@value #NAMED} of them
     */
    public record Result(
            boolean dryRun, int blobs, int inUse, int recent, int removed, long removedBytes, List<String> hashes) {}

    /**
     * Removes blobs that no file uses and that were written more than {@code keep} ago; with
     * {@code dryRun} only reports them.
     */
    public Result collect(boolean dryRun, Duration keep) {
        if (keep.isNegative()) {
            throw new IllegalArgumentException("keep must not be negative, was " + keep);
        }
        try {
            List<BlobStore.Listed> listed = blobs.entries(); // before the graph: see the class comment
            Set<String> used = store.referencedHashes();
            Instant cutoff = clock.instant().minus(keep);
            int inUse = 0;
            int recent = 0;
            int removed = 0;
            long bytes = 0;
            var hashes = new ArrayList<String>();
            for (BlobStore.Listed blob : listed) {
                if (used.contains(blob.sha256())) {
                    inUse++;
                } else if (blob.modified().isAfter(cutoff) || !stillOld(blob.sha256(), cutoff)) {
                    recent++;
                } else {
                    if (!dryRun) {
                        blobs.delete(blob.sha256());
                    }
                    removed++;
                    bytes += blob.size();
                    if (hashes.size() < NAMED) {
                        hashes.add(blob.sha256());
                    }
                }
            }
            var result = new Result(dryRun, listed.size(), inUse, recent, removed, bytes, List.copyOf(hashes));
            LOG.info(
                    "{} {} unused files ({} bytes) of {} in {}; {} in use, {} unused but recent",
                    dryRun ? "Would remove" : "Removed",
                    removed,
                    bytes,
                    listed.size(),
                    blobs.describe(),
                    inUse,
                    recent);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the blob is still there and still older than the cutoff (an upload may have stored it again). */
    private boolean stillOld(String sha256, Instant cutoff) throws IOException {
        return blobs.modified(sha256).map(m -> !m.isAfter(cutoff)).orElse(false);
    }
}
