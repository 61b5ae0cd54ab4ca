package dev.lore.graph.attachment;

import java.time.Instant;

/**
 * An attachment as the search index needs it: its name, the text extracted from its latest version
 * (empty until extraction ran), who uploaded it, its page, and whether readers may find it (a
 * deleted file or one on a hidden page is to be removed from the index).
 */
public record IndexedAttachment(
        String id, String name, String text, String byName, Instant at, AttachedTo page, boolean visible, long seq) {}
