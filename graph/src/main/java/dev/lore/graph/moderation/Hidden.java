package dev.lore.graph.moderation;

import dev.lore.graph.PersonRef;
import java.time.Instant;

/** Who hid a piece of content, when and why. */
public record Hidden(PersonRef by, String reason, Instant at) {}
