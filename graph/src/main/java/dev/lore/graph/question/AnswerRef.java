package dev.lore.graph.question;

/** Who wrote an answer and who asked its question: what the rules on votes, accepts and kudos need. */
public record AnswerRef(String answerId, String questionId, String questionTitle, String authorId, String askerId) {}
