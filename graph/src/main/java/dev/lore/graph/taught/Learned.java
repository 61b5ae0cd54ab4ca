package dev.lore.graph.taught;

import dev.lore.graph.PersonRef;
import java.time.Instant;
import java.util.Optional;

/**
 * What someone learned from a person's page or answer: who, from what (title and link), and the
 * one line they wrote, if any.
 */
public record Learned(PersonRef by, Target.Kind kind, String title, String url, Optional<String> note, Instant at) {}
