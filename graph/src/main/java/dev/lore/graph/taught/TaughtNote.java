package dev.lore.graph.taught;

import dev.lore.graph.PersonRef;
import java.time.Instant;
import java.util.Optional;

/** One person's "this taught me something", with the one line they learned, if they wrote one. */
public record TaughtNote(PersonRef by, Optional<String> note, Instant at) {}
