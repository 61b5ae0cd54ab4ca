package dev.lore.ui.view.question;

/** Existing content that may already answer a question: "article" or "question", its title and URL. */
public record SimilarView(String type, String title, String url) {}
