package dev.lore.graph.backup;

import java.util.Map;

/** A relationship as a backup holds it: the backup ids of its start and end nodes, its type and properties. */
public record RelationshipRecord(long from, long to, String type, Map<String, Object> properties) {}
