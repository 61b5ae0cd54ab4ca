package dev.lore.ui.view.question;

/** On an article page: the article was promoted from an answer by {@code authorName}; {@code byName} promoted it. */
public record OriginView(String questionId, String questionTitle, String authorId, String authorName, String byName) {}
