package dev.lore.graph.article;

import dev.lore.graph.PersonRef;
import java.time.Instant;

/** One saved version of an article. Revisions are numbered from 1 and never change. */
public record Revision(int number, String title, String markdown, String message, Instant at, PersonRef author) {}
