package dev.lore.graph.attachment;

import dev.lore.graph.PersonRef;
import java.time.Instant;

/** One version of an attachment: what was uploaded, by whom and when. Versions are never changed. */
public record AttachmentVersion(int n, String name, String type, long size, String sha256, PersonRef by, Instant at) {}
