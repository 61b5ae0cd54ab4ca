package dev.lore.graph.backup;

import java.util.List;
import java.util.Map;

/**
 * A node as a backup holds it: an id that is stable within the backup (0, 1, 2, ... in the order
 * read), its labels, and its properties as plain Java values (see {@link PropertyValues}).
 */
public record NodeRecord(long id, List<String> labels, Map<String, Object> properties) {}
