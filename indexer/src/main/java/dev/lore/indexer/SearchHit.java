package dev.lore.indexer;

import java.time.Instant;
import java.util.List;

/**
 * One result. {@code snippet} is safe HTML: the document text escaped, with matched words wrapped
 * in {@code <mark>}.
 */
public record SearchHit(
        String id,
        String type,
        String slug,
        String title,
        String snippet,
        float score,
        List<String> tags,
        Instant updatedAt) {}
