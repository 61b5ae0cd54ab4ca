package dev.lore.server.attachment;

/** The content was longer than the limit it was stored under; nothing was kept. */
public final class BlobTooLargeException extends java.io.IOException {
    private final long limit;

    public BlobTooLargeException(long limit) {
        super("the file is larger than the limit of " + Blobs.humanSize(limit));
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
