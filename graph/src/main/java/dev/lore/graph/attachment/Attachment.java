package dev.lore.graph.attachment;

import dev.lore.graph.PersonRef;
import java.time.Instant;

/**
 * A file attached to a page, as its latest version stands: the name it was uploaded with, the type
 * detected from its content, its size and content hash (where its bytes are in the blob store), who
 * uploaded this version and when, and the page it belongs to.
 *
 * @param version 1 for the first upload, one more for each replacement
 */
public record Attachment(
        String id,
        String name,
        String type,
        long size,
        String sha256,
        int version,
        PersonRef by,
        Instant at,
        AttachedTo page,
        boolean deleted) {

    /** Readers may see it: the file is not deleted and its page is visible. */
    public boolean visible() {
        return !deleted && page.visible();
    }
}
