package dev.lore.graph.attachment;

import java.time.Instant;

/** What an upload adds: the file's name, detected type, size and hash, who uploaded it and when. */
public record NewVersion(String name, String type, long size, String sha256, String byPersonId, Instant at) {}
