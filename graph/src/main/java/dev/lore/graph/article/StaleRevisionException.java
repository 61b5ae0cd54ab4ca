package dev.lore.graph.article;

/** An update was based on a revision that is no longer the current one; nothing was written. */
public final class StaleRevisionException extends RuntimeException {
    private final int baseRevision;
    private final int currentRevision;

    public StaleRevisionException(String slug, int baseRevision, int currentRevision) {
        super("article '" + slug + "' is at revision " + currentRevision + ", the edit was based on " + baseRevision);
        this.baseRevision = baseRevision;
        this.currentRevision = currentRevision;
    }

    public int baseRevision() {
        return baseRevision;
    }

    public int currentRevision() {
        return currentRevision;
    }
}
