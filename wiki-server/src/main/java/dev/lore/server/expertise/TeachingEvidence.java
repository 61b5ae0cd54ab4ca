package dev.lore.server.expertise;

import dev.lore.graph.expertise.EvidenceStore;
import dev.lore.graph.expertise.TeachingMarks;
import dev.lore.indexer.IndexDoc;
import dev.lore.indexer.LoreIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What others learned from a person, as evidence of expertise: an article the index finds relevant
 * to the topic that people marked "this taught me something" credits its contributors, each by
 * their share of its current text, {@value #PER_LEARNER} x log2(1 + learners) x relevance, decayed
 * from the latest mark. Three learners on the most relevant article, written alone, count 0.3: less
 * than writing it (1.05) or an accepted answer (0.6), since a mark says the page taught, not that
 * its author knows the most. A first choice, not tuned ({@code eval-experts} has no marks to tune
 * it on). Answers' marks are their helpful votes and count in {@link AnswerEvidence}.
 */
final class TeachingEvidence {
    static final double PER_LEARNER = 0.15;

    private TeachingEvidence() {}

    static void add(
            EvidenceStore store,
            List<LoreIndex.Ranked> docs,
            Map<String, Double> relevance,
            Instant now,
            Map<String, Double> scores,
            Map<String, List<Evidence>> evidence) {
        var articles = docs.stream()
                .filter(d -> d.type().equals("article"))
                .collect(Collectors.toMap(LoreIndex.Ranked::id, Function.identity(), (a, b) -> a));
        if (articles.isEmpty()) {
            return;
        }
        for (TeachingMarks marks : store.teaching(articles.keySet())) {
            LoreIndex.Ranked doc = articles.get(marks.articleId());
            double base = relevance.getOrDefault(doc.id(), 0.0)
                    * PER_LEARNER
                    * Scoring.log2(1 + marks.learners())
                    * Scoring.decay(marks.lastAt(), now);
            for (IndexDoc.Credit c : doc.credits()) {
                if (c.share() <= 0) {
                    continue;
                }
                double w = base * c.share();
                scores.merge(c.personId(), w, Double::sum);
                evidence.computeIfAbsent(c.personId(), k -> new ArrayList<>())
                        .add(new Evidence.Teaching(
                                doc.title(), doc.slug(), marks.learners(), c.share(), w, Optional.of(marks.lastAt())));
            }
        }
    }
}
