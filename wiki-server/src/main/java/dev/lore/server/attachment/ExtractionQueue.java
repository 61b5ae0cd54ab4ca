package dev.lore.server.attachment;

import dev.lore.graph.attachment.Attachment;
import dev.lore.graph.attachment.AttachmentStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts attachments' text in the background, one file at a time on the {@code lore-extract}
 * thread, off the request path: reads the blob (files over {@code maxBytes} are skipped), extracts
 * with {@link TextExtractor}'s limits, records the text in the graph and lets the index catch up.
 * {@link #flush} waits for everything queued before it. Thread-safe.
 */
public final class ExtractionQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractionQueue.class);

    /** An office file or archive whose contents unpack to more than this is not parsed (a zip bomb). */
    static final long MAX_UNPACKED = 100L << 20;

    private final AttachmentStore store;
    private final BlobStore blobs;
    private final TextExtractor extractor;
    private final long maxBytes;
    private final Runnable afterText;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("lore-extract").daemon(true).factory());

    /**
     * @param afterText run after a text was recorded (the index catch-up)
     */
    public ExtractionQueue(
            AttachmentStore store, BlobStore blobs, TextExtractor extractor, long maxBytes, Runnable afterText) {
        this.store = store;
        this.blobs = blobs;
        this.extractor = extractor;
        this.maxBytes = maxBytes;
        this.afterText = afterText;
    }

    /** Queues the attachment's latest version. */
    public void submit(String attachmentId) {
        worker.execute(() -> {
            try {
                store.find(attachmentId).ifPresent(this::extract);
            } catch (RuntimeException e) {
                LOG.warn("Text extraction of attachment {} failed: {}", attachmentId, e.toString());
            }
        });
    }

    /** Queues every attachment whose latest version has no text yet (after a restart or a restore). */
    public int submitWaiting() {
        var waiting = store.awaitingText(100_000);
        waiting.forEach(a -> submit(a.id()));
        return waiting.size();
    }

    /**
     * Waits until everything queued before this call is done.
     *
     * @throws IllegalStateException if that takes longer than {@code patience}
     */
    public void flush(Duration patience) {
        try {
            worker.submit(() -> {}).get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("text extraction did not finish within " + patience, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for text extraction", e);
        }
    }

    private boolean unpacksTooLarge(Attachment a) {
        try (InputStream in = blobs.open(a.sha256(), 0, a.size())) {
            return ZipGuard.unpacksTooLarge(in, MAX_UNPACKED);
        } catch (IOException e) {
            return false; // the extraction reads the bytes again and reports it
        }
    }

    private void extract(Attachment a) {
        TextExtractor.Extracted result;
        if (!FileTypes.extractable(a.type())) {
            result = new TextExtractor.Extracted("", null);
        } else if (a.size() > maxBytes) {
            LOG.info(
                    "Did not extract the text of attachment {} ({}): {} bytes is over the limit of {}",
                    a.id(),
                    a.name(),
                    a.size(),
                    maxBytes);
            result = new TextExtractor.Extracted("", null);
        } else if (ZipGuard.container(a.type()) && unpacksTooLarge(a)) {
            LOG.warn(
                    "Did not extract the text of attachment {} ({}): it unpacks to more than {} bytes",
                    a.id(),
                    a.name(),
                    MAX_UNPACKED);
            result = new TextExtractor.Extracted("", null);
        } else {
            try (InputStream in = blobs.open(a.sha256(), 0, a.size())) {
                result = extractor.read(in, a.name());
            } catch (IOException e) {
                LOG.warn("Could not read the bytes of attachment {} ({}): {}", a.id(), a.name(), e.toString());
                return;
            }
        }
        String status = result.outcome() != null
                ? result.outcome().label()
                : !FileTypes.extractable(a.type())
                        ? "not-text"
                        : a.size() > maxBytes ? "too-large" : "unpacks-too-large";
        if (store.setText(a.id(), a.version(), result.text(), status)) {
            afterText.run();
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
