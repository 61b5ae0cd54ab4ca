package dev.lore.server.expertise;

import static dev.lore.server.expertise.Scoring.round;

import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.expertise.ExpertiseStore;
import dev.lore.graph.expertise.Learner;
import dev.lore.graph.expertise.PersonInfo;
import dev.lore.graph.expertise.SkillEvidence;
import dev.lore.graph.expertise.SkillNames;
import dev.lore.server.expertise.Advice.Need;
import dev.lore.server.expertise.Advice.Suggestion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whom to learn from: what a learner needs (skills they want to learn, read about or search for
 * and do not have yet) and the available experts ranked by expertise, closeness (same team, shared
 * co-authors) and load (how many others they were already suggested to). Only reads; the service
 * records what was suggested. Thread-safe.
 */
final class LearnAdvisor {
    /** Suggestions were made to a learner this long ago or less: the expert's current load. */
    static final Duration LOAD_WINDOW = Duration.ofDays(30);

    /**
     * Candidates weighed for closeness and load: the strongest by expertise alone. Closeness and
     * load can lift a candidate by at most 1.75x and lower one by load, so 40 is a wide margin.
     */
    static final int CANDIDATES = 40;

    /** Searches older than this do not tell what someone is learning now. */
    static final Duration SEARCHES_WINDOW = Duration.ofDays(30);

    private final ExpertiseStore store;
    private final EvidenceCache cache;
    private final SkillMatcher matcher;

    LearnAdvisor(ExpertiseStore store, EvidenceCache cache, SkillMatcher matcher) {
        this.store = store;
        this.cache = cache;
        this.matcher = matcher;
    }

    /**
     * What {@code personId} should learn next and the {@code limit} best people to learn it from,
     * as of {@code now}, from one read of the learner.
     */
    Advice advise(String personId, int limit, Instant now) {
        // the three reads share one transaction
        return store.inOneRead(() -> {
            var learner = learner(personId, now);
            var needs = needs(learner);
            return new Advice(needs, suggest(learner, needs, limit, now));
        });
    }

    private List<Suggestion> suggest(Learner learner, List<Need> needs, int limit, Instant now) {
        String personId = learner.person().id();
        if (needs.isEmpty()) {
            return List.of();
        }
        var byKey = new LinkedHashMap<String, Need>();
        needs.forEach(n -> byKey.put(n.skill().key(), n));
        // per skill, one more than the candidates (the learner may be among them) and a margin
        List<SkillEvidence> evidence = cache.strongest(byKey.keySet(), CANDIDATES + 10, true, now);
        // expertise of each candidate in each needed skill
        var expertise = new HashMap<String, Map<String, Double>>();
        var evidenceOf = new HashMap<String, List<Evidence>>();
        for (SkillEvidence e : evidence) {
            if (e.personId().equals(personId)) {
                continue;
            }
            double score = Scoring.skillExpertise(e, now);
            if (score <= 0) {
                continue;
            }
            expertise.computeIfAbsent(e.personId(), k -> new HashMap<>()).put(e.skillKey(), score);
            evidenceOf
                    .computeIfAbsent(e.personId() + "|" + e.skillKey(), k -> new ArrayList<>())
                    .addAll(Scoring.describe(e));
        }
        if (expertise.isEmpty()) {
            return List.of();
        }
        // closeness and load only for the strongest candidates: a popular skill has thousands
        var strongest = expertise.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Map<String, Double>> e) ->
                                e.getValue().entrySet().stream()
                                        .mapToDouble(x -> x.getValue()
                                                * byKey.get(x.getKey()).weight())
                                        .max()
                                        .orElse(0))
                        .reversed())
                .limit(CANDIDATES)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        expertise.keySet().retainAll(strongest);
        var people = new HashMap<String, PersonInfo>();
        var load = new HashMap<String, Integer>();
        for (var c : store.learners().candidates(expertise.keySet(), personId, now.minus(LOAD_WINDOW), now)) {
            people.put(c.person().id(), c.person());
            load.put(c.person().id(), c.load());
        }
        expertise
                .keySet()
                .removeIf(id -> !people.containsKey(id) || !people.get(id).suggestible());
        if (expertise.isEmpty()) {
            return List.of();
        }
        var closeness = store.learners().closeness(personId, expertise.keySet());
        var me = Optional.of(learner.person());
        var suggestions = new ArrayList<Suggestion>();
        for (var entry : expertise.entrySet()) {
            String candidate = entry.getKey();
            // the skill this candidate helps most with
            String bestSkill = null;
            double best = 0;
            for (var s : entry.getValue().entrySet()) {
                double v = s.getValue() * byKey.get(s.getKey()).weight();
                if (v > best) {
                    best = v;
                    bestSkill = s.getKey();
                }
            }
            var close = closeness.get(candidate);
            double closeFactor = 1
                    + (close != null && close.sameTeam() ? 0.3 : 0)
                    + (close == null ? 0 : 0.1 * Math.min(3, close.sharedArticles()))
                    + (close == null ? 0 : 0.05 * Math.min(4, close.sharedCoauthors()));
            int others = load.getOrDefault(candidate, 0);
            double loadFactor = 1 / (1 + others / 3.0);
            double score = best * closeFactor * loadFactor;
            Need need = byKey.get(bestSkill);
            var ev = evidenceOf.getOrDefault(candidate + "|" + bestSkill, List.of());
            suggestions.add(new Suggestion(
                    people.get(candidate),
                    need.skill(),
                    round(score),
                    ev,
                    Explain.suggestion(people.get(candidate), need, ev, close, others, me.map(PersonInfo::team))));
        }
        suggestions.sort(Comparator.comparingDouble(Suggestion::score)
                .reversed()
                .thenComparing(s -> s.person().id()));
        return suggestions.stream().limit(limit).toList();
    }

    private Learner learner(String personId, Instant now) {
        return store.learners()
                .learner(personId, now.minus(SEARCHES_WINDOW), 20, now)
                .orElseThrow(() -> new NoSuchEntityException("person", personId));
    }

    /**
     * What a learner should learn next, strongest first: skills they want to learn (1.0), skills of
     * articles they read (0.5 for three or more articles), skills named in their recent searches
     * (0.4); minus skills they already practise or write about. At most ten.
     */
    private List<Need> needs(Learner learner) {
        var needs = new LinkedHashMap<String, Need>();
        for (var skill : learner.wants()) {
            needs.put(skill.key(), new Need(skill, 1.0, "you want to learn " + skill.name()));
        }
        learner.reads().entrySet().stream()
                .sorted(Map.Entry.<SkillNames.Skill, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(e -> e.getKey().name()))
                .limit(5)
                .forEach(e -> needs.putIfAbsent(
                        e.getKey().key(),
                        new Need(
                                e.getKey(),
                                0.5 * Math.min(1, e.getValue() / 3.0),
                                "you read " + e.getValue() + (e.getValue() == 1 ? " article" : " articles") + " about "
                                        + e.getKey().name())));
        var vocab = matcher.vocabulary();
        for (String query : learner.searches()) {
            for (String key : matcher.match(query).keySet()) {
                var skill = vocab.get(key);
                if (skill != null) {
                    needs.putIfAbsent(key, new Need(skill, 0.4, "you searched for \"" + query + "\""));
                }
            }
        }
        // skills they already have are not needs
        needs.keySet().removeAll(learner.has());
        return needs.values().stream()
                .sorted(Comparator.comparingDouble(Need::weight).reversed())
                .limit(10)
                .toList();
    }
}
