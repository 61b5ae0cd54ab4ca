package dev.lore.graph.question;

import dev.lore.graph.PersonRef;
import java.time.Instant;

/** A comment on a question, an answer or an article ({@code targetKind}). */
public record Comment(String id, String targetKind, String targetId, String markdown, PersonRef author, Instant at) {}
