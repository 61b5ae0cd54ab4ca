package dev.lore.graph.learning;

import java.util.Optional;

/** A step to save: {@code kind} article (ref: slug) or question (ref: id), with an optional prompt. */
public record StepInput(String kind, String ref, Optional<String> prompt) {
    public static final String ARTICLE = "article";
    public static final String QUESTION = "question";
}
