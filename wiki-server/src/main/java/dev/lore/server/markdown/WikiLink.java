package dev.lore.server.markdown;

/**
 * A {@code [[Target]]} or {@code [[Target|label]]} link. {@code key} is the target in slug form,
 * which is how links are matched to pages (by slug, by title, or through a redirect).
 */
public record WikiLink(String target, String label, String key) {}
