package dev.lore.server.expertise;

import dev.lore.graph.expertise.AnswerAuthorship;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers as evidence of expertise, next to the articles {@link ExpertService} weighs: a question
 * the index finds relevant to the topic passes its relevance to everyone who answered it, an answer
 * counting {@value #ANSWERED}, plus {@value #ACCEPTED} when the asker accepted it, plus {@value
 * #PER_VOTE} x log2(1 + helpful votes), decayed like all evidence. An accepted answer with three
 * helpful votes on the most relevant question counts 0.9, a little less than writing all of the most
 * relevant article (1.05). First choices, not tuned.
 *
 * <p>The evidence is an {@link Evidence.Answer}: the question's title and id, whether accepted, and
 * the helpful votes.
 */
final class AnswerEvidence {
    static final double ANSWERED = 0.25;
    static final double ACCEPTED = 0.35;
    static final double PER_VOTE = 0.15;

    private AnswerEvidence() {}

    static double weight(boolean accepted, int helpful) {
        return ANSWERED + (accepted ? ACCEPTED : 0) + PER_VOTE * Math.log(1 + helpful) / Math.log(2);
    }

    /** Adds each answer's weight to its author's score and evidence. */
    static void add(
            List<AnswerAuthorship> answers,
            Map<String, Double> relevanceByQuestion,
            Instant now,
            Map<String, Double> scores,
            Map<String, List<Evidence>> evidence) {
        for (AnswerAuthorship a : answers) {
            Double relevance = relevanceByQuestion.get(a.questionId());
            if (relevance == null) {
                continue;
            }
            double w = relevance * weight(a.accepted(), a.helpful()) * Scoring.decay(a.at(), now);
            scores.merge(a.personId(), w, Double::sum);
            evidence.computeIfAbsent(a.personId(), k -> new ArrayList<>())
                    .add(new Evidence.Answer(
                            a.title(), a.questionId(), a.accepted(), a.helpful(), w, Optional.of(a.at())));
        }
    }
}
