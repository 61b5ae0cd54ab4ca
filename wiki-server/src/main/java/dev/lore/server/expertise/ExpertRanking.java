package dev.lore.server.expertise;

import static dev.lore.server.expertise.Scoring.decay;
import static dev.lore.server.expertise.Scoring.levelWeight;
import static dev.lore.server.expertise.Scoring.log2;
import static dev.lore.server.expertise.Scoring.round;

import dev.lore.graph.expertise.Authorship;
import dev.lore.graph.expertise.ExpertiseStore;
import dev.lore.graph.expertise.PersonInfo;
import dev.lore.graph.expertise.SkillEvidence;
import dev.lore.indexer.IndexDoc;
import dev.lore.indexer.LoreIndex;
import dev.lore.server.expertise.ExpertService.Expert;
import dev.lore.server.expertise.ExpertService.Ranking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ranks people for a topic by the document model of expert finding (Balog et al. 2006): the
 * search index finds the documents most relevant to the topic, each document's relevance is
 * spread to its contributors by their share of its current text, answers pass their question's
 * relevance to who wrote them, evidence from skills that match the topic (declared level,
 * endorsements) is added, and old evidence decays. Only reads. Thread-safe.
 */
final class ExpertRanking {
    /**
     * Holders of a named skill read per skill for {@code experts}: the strongest by declared level
     * and endorsements. Everyone the documents found is read too, whatever their rank.
     */
    static final int SKILL_HOLDERS = 100;

    private final LoreIndex index;
    private final ExpertiseStore store;
    private final EvidenceCache cache;
    private final SkillMatcher matcher;

    ExpertRanking(LoreIndex index, ExpertiseStore store, EvidenceCache cache, SkillMatcher matcher) {
        this.index = index;
        this.store = store;
        this.cache = cache;
        this.matcher = matcher;
    }

    /** The {@code limit} best people for a validated topic as of {@code now}. */
    List<Expert> rank(
            String topic, int limit, boolean includeUnavailable, Set<String> exclude, Ranking ranking, Instant now) {
        var scores = new HashMap<String, Double>();
        var evidence = new HashMap<String, List<Evidence>>();
        Map<String, Double> skills = matcher.match(topic);
        var people = new HashMap<String, PersonInfo>();

        // 1. documents relevant to the topic, spread to their contributors by share (the index
        //    keeps each article's contributors with the text their shares were computed from)
        List<LoreIndex.Ranked> docs =
                index.topIds(topic, List.of("article", "question"), ranking.documents(), ranking.proximity());
        if (!docs.isEmpty()) {
            double best = docs.getFirst().score();
            var relevance = new LinkedHashMap<String, Double>();
            var authorship = new ArrayList<Authorship>();
            var history = new HashMap<String, IndexDoc.Credit>(); // by article and person
            var addedShare = new HashMap<String, Double>();
            for (var d : docs) {
                relevance.put(d.id(), Math.pow(d.score() / best, ranking.relevancePower()));
                int added = 0;
                for (IndexDoc.Credit c : d.credits()) {
                    added += c.added();
                }
                for (IndexDoc.Credit c : d.credits()) {
                    authorship.add(new Authorship(
                            c.personId(), d.id(), d.slug(), d.title(), c.share(), c.edits(), c.lastAt()));
                    history.put(d.id() + "|" + c.personId(), c);
                    // no history kept (a question, say): the lasting share stands in for it
                    addedShare.put(d.id() + "|" + c.personId(), added == 0 ? c.share() : c.added() / (double) added);
                }
            }
            var latest = new HashMap<String, Instant>(); // each person's latest work on the topic
            for (Authorship a : authorship) {
                latest.merge(a.personId(), a.lastAt(), (x, y) -> x.isAfter(y) ? x : y);
            }
            Duration halfLife = Duration.ofDays(ranking.writingHalfLifeDays());
            for (Authorship a : authorship) {
                Instant dated = ranking.decayByTopic() ? latest.get(a.personId()) : a.lastAt();
                String key = a.articleId() + "|" + a.personId();
                double added = addedShare.get(key);
                double part = (1 - ranking.history()) * a.share() + ranking.history() * added;
                double w = relevance.get(a.articleId()) * (part + ranking.presence()) * decay(dated, now, halfLife);
                scores.merge(a.personId(), w, Double::sum);
                evidence.computeIfAbsent(a.personId(), k -> new ArrayList<>())
                        .add(new Evidence.Article(
                                a.title(),
                                a.slug(),
                                a.share(),
                                a.edits(),
                                w,
                                Optional.of(a.lastAt()),
                                added,
                                Optional.of(history.get(key).firstAt())));
            }
            // what relevant articles taught people counts for whoever wrote them
            TeachingEvidence.add(store.evidence(), docs, relevance, now, scores, evidence);
            // relevant questions pass their relevance to whoever answered them
            var questions = docs.stream()
                    .filter(d -> d.type().equals("question"))
                    .map(LoreIndex.Ranked::id)
                    .toList();
            if (!questions.isEmpty()) {
                AnswerEvidence.add(store.evidence().answerAuthorship(questions), relevance, now, scores, evidence);
            }
        }

        // 2. skills the topic names: declared level, endorsements
        if (!skills.isEmpty()) {
            // the strongest holders of each skill, and whatever the people found above have
            int perSkill = Math.max(SKILL_HOLDERS, limit * 5);
            var rows = new LinkedHashMap<String, SkillEvidence>();
            var holdersRead = new HashMap<String, Integer>();
            for (SkillEvidence e : cache.strongest(skills.keySet(), perSkill, false, now)) {
                rows.put(e.personId() + "|" + e.skillKey(), e);
                holdersRead.merge(e.skillKey(), 1, Integer::sum);
            }
            // a skill with fewer holders than were asked for came with all of them: nobody else has
            // evidence on it to read
            var notAllRead = skills.keySet().stream()
                    .filter(k -> holdersRead.getOrDefault(k, 0) >= perSkill)
                    .toList();
            var unread = scores.keySet().stream()
                    .filter(id -> notAllRead.stream().anyMatch(k -> !rows.containsKey(id + "|" + k)))
                    .toList();
            for (SkillEvidence e : cache.evidenceOf(notAllRead, unread, now)) {
                rows.putIfAbsent(e.personId() + "|" + e.skillKey(), e);
            }
            for (SkillEvidence e : rows.values()) {
                double match = skills.getOrDefault(e.skillKey(), 0.0);
                var list = evidence.computeIfAbsent(e.personId(), k -> new ArrayList<>());
                double declared = e.level()
                        .map(level -> levelWeight(level) * decay(e.declaredAt().orElse(now), now))
                        .orElse(0.0);
                if (declared > 0) {
                    double w = Scoring.SKILL_WEIGHT * match * declared;
                    scores.merge(e.personId(), w, Double::sum);
                    list.add(new Evidence.Skill(e.skillName(), Optional.empty(), w, e.declaredAt()));
                }
                if (!e.endorsers().isEmpty()) {
                    double w = Scoring.SKILL_WEIGHT
                            * match
                            * Scoring.STRENGTH.endorsement()
                            * log2(1 + e.endorsers().size())
                            * decay(e.lastEndorsedAt().orElse(now), now);
                    scores.merge(e.personId(), w, Double::sum);
                    list.add(new Evidence.Endorsement(
                            e.skillName(), e.endorsers().size(), w, e.lastEndorsedAt()));
                }
            }
        }

        exclude.forEach(scores::remove);
        if (scores.isEmpty()) {
            return List.of();
        }
        // only the strongest need their availability and names looked up: a page of them at a
        // time, until enough are available
        var ranked = scores.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        int page = Math.max(20, limit * 2);
        var chosen = new ArrayList<Map.Entry<String, Double>>();
        for (int from = 0; from < ranked.size() && chosen.size() < limit; from += page) {
            var slice = ranked.subList(from, Math.min(ranked.size(), from + page));
            var unknown = slice.stream()
                    .map(Map.Entry::getKey)
                    .filter(id -> !people.containsKey(id))
                    .toList();
            if (!unknown.isEmpty()) {
                people.putAll(cache.people(unknown, now));
            }
            for (var e : slice) {
                var person = people.get(e.getKey());
                if (person != null && (includeUnavailable || person.suggestible()) && chosen.size() < limit) {
                    chosen.add(e);
                }
            }
        }
        return chosen.stream()
                .map(e -> {
                    var person = people.get(e.getKey());
                    var ev = evidence.get(e.getKey()).stream()
                            .sorted(Comparator.comparingDouble(Evidence::weight).reversed())
                            .limit(10)
                            .toList();
                    return new Expert(person, round(e.getValue()), ev, Explain.expert(person, ev, now));
                })
                .toList();
    }
}
