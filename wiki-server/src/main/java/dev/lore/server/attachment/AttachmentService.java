package dev.lore.server.attachment;

import dev.lore.graph.attachment.Attachment;
import dev.lore.graph.attachment.AttachmentStore;
import dev.lore.graph.attachment.AttachmentVersion;
import dev.lore.graph.attachment.NewVersion;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.error.TooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attachments: uploads (bytes into the blob store, type from the content, metadata into the graph,
 * text extraction queued), replacement with history, and reads that follow the page's visibility:
 * a file on a hidden page is there for champions only, a deleted file for nobody. Thread-safe.
 */
public final class AttachmentService {
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentService.class);
    static final int MAX_NAME = 200;

    private final AttachmentStore store;
    private final BlobStore blobs;
    private final FileTypes types;
    private final ExtractionQueue extraction;
    private final Runnable indexCatchUp;
    private final long maxFileBytes;
    private final Clock clock;
    private final Thumbnails thumbnails;
    private final FileCollector collector;

    public AttachmentService(
            AttachmentStore store,
            BlobStore blobs,
            FileTypes types,
            ExtractionQueue extraction,
            Runnable indexCatchUp,
            long maxFileBytes,
            Clock clock) {
        this.store = store;
        this.blobs = blobs;
        this.types = types;
        this.extraction = extraction;
        this.indexCatchUp = indexCatchUp;
        this.maxFileBytes = maxFileBytes;
        this.clock = clock;
        this.thumbnails = new Thumbnails(blobs, store::setThumbnail);
        // blob times come from the file system or the object store: compare them with the wall clock
        this.collector = new FileCollector(store, blobs, Clock.systemUTC());
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    /**
     * Stores a file and attaches it to a page ({@code kind} article, question or answer).
     *
     * @throws TooLargeException (413) past the size limit; UnsupportedMediaTypeException (415) for
     *     a type Lore does not keep; NoSuchEntityException (404) for a page that is not there
     */
    public Attachment upload(String byPersonId, String kind, String key, String rawName, InputStream content) {
        String name = cleanName(rawName);
        Stored stored = store(name, content);
        Attachment a = store.attach(
                kind,
                key,
                new NewVersion(
                        name, stored.type, stored.blob.size(), stored.blob.sha256(), byPersonId, clock.instant()));
        LOG.info(
                "{} attached '{}' ({}, {} bytes) to {} {}",
                byPersonId,
                name,
                stored.type,
                stored.blob.size(),
                kind,
                key);
        afterWrite(a);
        return a;
    }

    /** A file an import put in the blob store, not yet attached: its clean name, detected type, size and hash. */
    public record StoredFile(String name, String type, long size, String sha256) {}

    /**
     * Stores a file for an import, which attaches it later ({@link #attachStored}) under an id it
     * chose beforehand. Until then the bytes are unreferenced: {@code gc-files} removes them if the
     * import never attaches them.
     *
     * @throws TooLargeException past the size limit; UnsupportedMediaTypeException for a type Lore does not keep
     */
    public StoredFile keep(String rawName, InputStream content) {
        String name = cleanName(rawName);
        Stored stored = store(name, content);
        return new StoredFile(name, stored.type, stored.blob.size(), stored.blob.sha256());
    }

    /**
     * Attaches a stored file to a page under the id given, as of {@code at}. Its text is extracted
     * once the import has committed ({@link #extractWaiting}), not now: inside the import's
     * transaction the file is not visible to the extraction thread yet.
     */
    public Attachment attachStored(
            String id, String kind, String key, StoredFile file, String byPersonId, java.time.Instant at) {
        Attachment a = store.attach(
                kind, key, new NewVersion(file.name(), file.type(), file.size(), file.sha256(), byPersonId, at), id);
        indexCatchUp.run();
        return a;
    }

    /** A new version of an attachment from a stored file, as of {@code at}; its text as {@link #attachStored}. */
    public Attachment replaceStored(String id, StoredFile file, String byPersonId, java.time.Instant at) {
        Attachment a =
                store.replace(id, new NewVersion(file.name(), file.type(), file.size(), file.sha256(), byPersonId, at));
        indexCatchUp.run();
        return a;
    }

    /** Queues the text extraction of every file whose latest version has none yet (after an import commits). */
    public int extractWaiting() {
        return extraction.submitWaiting();
    }

    /** A new version of an attachment; the old ones stay in its history. */
    public Attachment replace(String byPersonId, String id, boolean champion, String rawName, InputStream content) {
        visible(id, champion);
        String name = cleanName(rawName);
        Stored stored = store(name, content);
        Attachment a = store.replace(
                id,
                new NewVersion(
                        name, stored.type, stored.blob.size(), stored.blob.sha256(), byPersonId, clock.instant()));
        afterWrite(a);
        return a;
    }

    /** Removes a file from its page (its versions stay in the graph, its bytes until {@code gc-files}). */
    public void delete(String byPersonId, String id, boolean champion) {
        visible(id, champion);
        store.delete(id, byPersonId, clock.instant());
        indexCatchUp.run();
    }

    /**
     * The attachment if this reader may see it.
     *
     * @throws NotFoundException for a deleted file, or one on a hidden page for a non-champion
     */
    public Attachment visible(String id, boolean champion) {
        return store.find(id)
                .filter(a -> !a.deleted() && (champion || a.page().visible()))
                .orElseThrow(() -> new NotFoundException("no file '" + id + "'"));
    }

    public List<AttachmentVersion> versions(String id, boolean champion) {
        visible(id, champion);
        return store.versions(id);
    }

    /** One version of a visible attachment. */
    public AttachmentVersion version(String id, int n, boolean champion) {
        return versions(id, champion).stream()
                .filter(v -> v.n() == n)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("file '" + id + "' has no version " + n));
    }

    /** A page's files; none when the page is hidden from this reader. */
    public List<Attachment> onPage(String kind, String key, boolean champion) {
        return store.onPage(kind, key).stream()
                .filter(a -> champion || a.page().visible())
                .toList();
    }

    /** The pages whose current text shows or links a visible file. */
    public List<dev.lore.graph.attachment.UsedOn> usedOn(String id, boolean champion) {
        visible(id, champion);
        return store.usedOn(id);
    }

    /** The pages naming each of these files (already checked visible), by file id, in one pass. */
    public java.util.Map<String, List<dev.lore.graph.attachment.UsedOn>> usedOn(List<Attachment> visible) {
        return store.usedOn(visible.stream().map(Attachment::id).toList());
    }

    /** How the text extraction of a visible file's latest version ended; empty while it has not run. */
    public Optional<AttachmentStore.TextStatus> textStatus(String id, boolean champion) {
        visible(id, champion);
        return store.textStatus(id);
    }

    /** Files no live page shows or links (for champions to tidy up), oldest first. */
    public List<Attachment> unused(int limit) {
        return store.unused(limit);
    }

    /** Removes blobs no file uses, written more than {@code keep} ago ({@code lore gc-files}); never run by a reader's request. */
    public FileCollector.Result collectUnusedBlobs(boolean dryRun, java.time.Duration keep) {
        return collector.collect(dryRun, keep);
    }

    /** The thumbnail of a visible attachment's latest version, made now if need be. */
    public Optional<Thumbnail> thumbnail(String id, boolean champion) {
        Attachment a = visible(id, champion);
        return thumbnails.of(a.sha256(), a.type(), a.size()).flatMap(sha -> {
            try {
                return blobs.size(sha).map(size -> new Thumbnail(sha, size));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Whether the list may show a thumbnail for this file: an image Lore scales, not known to fail. */
    public boolean hasThumbnail(Attachment a) {
        return Thumbnails.scalable(a.type())
                && a.size() <= Thumbnails.MAX_SOURCE_BYTES
                && !thumbnails.failed(a.sha256());
    }

    /** A thumbnail's bytes in the blob store: always a PNG. */
    public record Thumbnail(String sha256, long size) {}

    /** {@code length} bytes of a blob from {@code offset}. */
    public InputStream open(String sha256, long offset, long length) {
        try {
            return blobs.open(sha256, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the text extraction queued so far (for tests and tools). */
    public void flushExtraction(java.time.Duration patience) {
        extraction.flush(patience);
    }

    private record Stored(BlobStore.StoredBlob blob, String type) {}

    private Stored store(String name, InputStream content) {
        BlobStore.StoredBlob blob;
        try {
            blob = blobs.put(content, maxFileBytes);
        } catch (BlobTooLargeException e) {
            throw new TooLargeException(e.getMessage() + " (LORE_MAX_FILE_SIZE)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (blob.size() == 0) {
            throw new InvalidInputException("the file is empty");
        }
        String type;
        try (InputStream in = blobs.open(blob.sha256(), 0, blob.size())) {
            type = types.detect(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!FileTypes.accepted(type)) {
            // nothing can refer to these bytes: the same bytes are the same type
            try {
                blobs.delete(blob.sha256());
            } catch (IOException e) {
                LOG.warn("Could not remove a refused upload's bytes ({}): {}", blob.sha256(), e.toString());
            }
            FileTypes.requireAccepted(type);
        }
        return new Stored(blob, type);
    }

    private void afterWrite(Attachment a) {
        indexCatchUp.run();
        extraction.submit(a.id());
    }

    /** A file name without folders, control characters or quotes, at most {@value #MAX_NAME} characters. */
    static String cleanName(String raw) {
        String name = Optional.ofNullable(raw).orElse("").replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>]", "").strip().replaceFirst("^\\.+", "");
        if (name.length() > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME - ext.length()) + ext;
        }
        return name.isBlank() ? "file" : name;
    }
}
