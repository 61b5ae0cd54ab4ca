package dev.lore.server.expertise;

import dev.lore.graph.expertise.ExpertiseStore;
import dev.lore.graph.expertise.ExpertiseStore.Authorship;
import dev.lore.graph.expertise.ExpertiseStore.PersonInfo;
import dev.lore.graph.expertise.ExpertiseStore.SkillEvidence;
import dev.lore.graph.expertise.SkillNames;
import dev.lore.indexer.IndexDoc;
import dev.lore.indexer.LoreIndex;
import dev.lore.server.BatchWriter;
import dev.lore.server.error.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who knows about a topic, and why. The document model of expert finding (Balog et al. 2006): the
 * search index finds the documents most relevant to the topic, each document's relevance is spread
 * to its contributors by their share of its current text, evidence from skills that match the topic
 * (declared level, endorsements) is added, and old evidence decays. Every result carries the
 * evidence that produced it. Thread-safe.
 */
public final class ExpertService implements AutoCloseable {
    /** Evidence loses half its weight over this time. */
    static final Duration HALF_LIFE = Duration.ofDays(730);
    /** Weight of skill evidence next to writing: one matching expert declaration ~ a top article. */
    static final double SKILL_WEIGHT = 1.0;

    /**
     * The weights of skill evidence: declared levels, endorsements, writing about a skill, and
     * their half-life. The store orders a skill's holders by the same numbers.
     */
    static final ExpertiseStore.Strength STRENGTH =
            new ExpertiseStore.Strength(1.0, 0.5, 0.1, 0.3, 0.05, 1.5, (int) HALF_LIFE.toDays());

    /**
     * Holders of a named skill read per skill for {@code experts}: the strongest by declared level
     * and endorsements. Everyone the documents found is read too, whatever their rank.
     */
    static final int SKILL_HOLDERS = 100;

    /**
     * The strongest holders of a skill are kept this long, or until the index next changes. Every
     * change to skills, levels, endorsements, articles or availability moves the change sequence,
     * which the index applies (another server's changes too, within its poll), so this only bounds
     * the drift of time decay, which is a few hundredths of a percent in ten minutes.
     */
    static final Duration HOLDERS_TTL = Duration.ofMinutes(10);

    /**
     * Who a person is and whether they can be suggested is kept this long, or until anything
     * changes: it bounds how late Lore notices a leave that ends on its date.
     */
    static final Duration PEOPLE_TTL = Duration.ofMinutes(1);

    /**
     * The constants of the document model. {@link #DEFAULT} is what Lore ships; {@code
     * eval-experts --sweep} measures variants of it on an imported repository.
     *
     * @param documents documents taken from the index per topic
     * @param relevancePower a document's relevance is its score relative to the best, to this power
     *     (higher trusts the top matches more)
     * @param presence credit added to the share of everyone who edited a document, so a contributor
     *     whose lines were all rewritten still counts a little
     * @param writingHalfLifeDays writing evidence loses half its weight over this many days
     * @param decayByTopic when true, a person's writing on the topic decays with their latest work
     *     on any of the matched documents (someone still working on the topic keeps the credit for
     *     what they wrote years ago); when false, each document decays with their last edit of it
     * @param proximity when true, documents are found with search's reward for topic words near
     *     each other; when false without it (half the cost of the search)
     */
    public record Ranking(
            int documents,
            double relevancePower,
            double presence,
            int writingHalfLifeDays,
            boolean decayByTopic,
            boolean proximity) {
        public static final Ranking DEFAULT = new Ranking(100, 1, 0.02, 1460, false, false);

        public Ranking {
            if (documents < 1 || relevancePower <= 0 || presence < 0 || writingHalfLifeDays < 1) {
                throw new IllegalArgumentException("bad ranking constants: " + documents + ", " + relevancePower + ", "
                        + presence + ", " + writingHalfLifeDays);
            }
        }

        @Override
        public String toString() {
            return "documents=" + documents + " power=" + relevancePower + " presence=" + presence + " half-life="
                    + writingHalfLifeDays + "d decay=" + (decayByTopic ? "topic" : "article") + " proximity="
                    + (proximity ? "yes" : "no");
        }
    }

    static final int MAX_TOPIC = 1_000;

    private final LoreIndex index;
    private final ExpertiseStore store;
    private final Clock clock;
    private volatile Vocabulary vocabulary;

    public ExpertService(LoreIndex index, ExpertiseStore store, Clock clock) {
        this.index = index;
        this.store = store;
        this.clock = clock;
        this.bookkeeping = new BatchWriter<>(
                "reads and suggestions",
                "lore-reads",
                batch -> store.inOneWrite(() -> batch.forEach(Runnable::run)),
                500,
                10_000);
    }

    /** One piece of evidence: what, how much it counted, and when. */
    public record Evidence(
            String kind, String title, String slug, String skill, double share, int count, double weight, Instant at) {}

    /** A ranked expert with the evidence and a sentence a person would say. */
    public record Expert(PersonInfo person, double score, List<Evidence> evidence, String explanation) {}

    /** Validates a topic: required, at most {@value #MAX_TOPIC} characters. */
    public static String topic(String raw) {
        String topic = raw == null ? "" : raw.strip();
        if (topic.isEmpty()) {
            throw new InvalidInputException("topic is required: say what you need an expert on");
        }
        if (topic.length() > MAX_TOPIC) {
            throw new InvalidInputException(
                    "topic is too long (" + topic.length() + " characters); use at most " + MAX_TOPIC);
        }
        return topic;
    }

    /**
     * People ranked for a free-text topic. Unavailable and inactive people are left out unless
     * {@code includeUnavailable}; {@code exclude} are never returned (the reader, say).
     */
    public List<Expert> experts(String rawTopic, int limit, boolean includeUnavailable, Set<String> exclude) {
        return experts(rawTopic, limit, includeUnavailable, exclude, Ranking.DEFAULT);
    }

    /** As {@link #experts(String, int, boolean, Set)}, with other ranking constants. */
    public List<Expert> experts(
            String rawTopic, int limit, boolean includeUnavailable, Set<String> exclude, Ranking ranking) {
        String topic = topic(rawTopic);
        Instant now = clock.instant();
        // the half dozen reads below share one transaction
        return store.inOneRead(() -> rank(topic, limit, includeUnavailable, exclude, ranking, now));
    }

    private List<Expert> rank(
            String topic, int limit, boolean includeUnavailable, Set<String> exclude, Ranking ranking, Instant now) {
        var scores = new HashMap<String, Double>();
        var evidence = new HashMap<String, List<Evidence>>();
        Map<String, Double> skills = matchSkills(topic);
        var people = new HashMap<String, PersonInfo>();

        // 1. documents relevant to the topic, spread to their contributors by share (the index
        //    keeps each article's contributors with the text their shares were computed from)
        List<LoreIndex.Ranked> docs =
                index.topIds(topic, List.of("article", "question"), ranking.documents(), ranking.proximity());
        if (!docs.isEmpty()) {
            double best = docs.getFirst().score();
            var relevance = new LinkedHashMap<String, Double>();
            var authorship = new ArrayList<Authorship>();
            for (var d : docs) {
                relevance.put(d.id(), Math.pow(d.score() / best, ranking.relevancePower()));
                for (IndexDoc.Credit c : d.credits()) {
                    authorship.add(new Authorship(
                            c.personId(), d.id(), d.slug(), d.title(), c.share(), c.edits(), c.lastAt()));
                }
            }
            var latest = new HashMap<String, Instant>(); // each person's latest work on the topic
            for (Authorship a : authorship) {
                latest.merge(a.personId(), a.lastAt(), (x, y) -> x.isAfter(y) ? x : y);
            }
            Duration halfLife = Duration.ofDays(ranking.writingHalfLifeDays());
            for (Authorship a : authorship) {
                Instant dated = ranking.decayByTopic() ? latest.get(a.personId()) : a.lastAt();
                double w =
                        relevance.get(a.articleId()) * (a.share() + ranking.presence()) * decay(dated, now, halfLife);
                scores.merge(a.personId(), w, Double::sum);
                evidence.computeIfAbsent(a.personId(), k -> new ArrayList<>())
                        .add(new Evidence("article", a.title(), a.slug(), null, a.share(), a.edits(), w, a.lastAt()));
            }
            // relevant questions pass their relevance to whoever answered them
            var questions = docs.stream()
                    .filter(d -> d.type().equals("question"))
                    .map(LoreIndex.Ranked::id)
                    .toList();
            if (!questions.isEmpty()) {
                AnswerEvidence.add(store.answerAuthorship(questions), relevance, now, scores, evidence);
            }
        }

        // 2. skills the topic names: declared level, endorsements
        if (!skills.isEmpty()) {
            // the strongest holders of each skill, and whatever the people found above have
            int perSkill = Math.max(SKILL_HOLDERS, limit * 5);
            var rows = new LinkedHashMap<String, SkillEvidence>();
            var holdersRead = new HashMap<String, Integer>();
            for (SkillEvidence e : strongest(skills.keySet(), perSkill, false, now)) {
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
            for (SkillEvidence e : evidenceOf(notAllRead, unread, now)) {
                rows.putIfAbsent(e.personId() + "|" + e.skillKey(), e);
            }
            for (SkillEvidence e : rows.values()) {
                double match = skills.getOrDefault(e.skillKey(), 0.0);
                var list = evidence.computeIfAbsent(e.personId(), k -> new ArrayList<>());
                double declared = e.level()
                        .map(level -> levelWeight(level) * decay(e.declaredAt().orElse(now), now))
                        .orElse(0.0);
                if (declared > 0) {
                    double w = SKILL_WEIGHT * match * declared;
                    scores.merge(e.personId(), w, Double::sum);
                    list.add(new Evidence(
                            "skill",
                            null,
                            null,
                            e.skillName(),
                            0,
                            0,
                            w,
                            e.declaredAt().orElse(null)));
                }
                if (!e.endorsers().isEmpty()) {
                    double w = SKILL_WEIGHT
                            * match
                            * STRENGTH.endorsement()
                            * log2(1 + e.endorsers().size())
                            * decay(e.lastEndorsedAt().orElse(now), now);
                    scores.merge(e.personId(), w, Double::sum);
                    list.add(new Evidence(
                            "endorsement",
                            null,
                            null,
                            e.skillName(),
                            0,
                            e.endorsers().size(),
                            w,
                            e.lastEndorsedAt().orElse(null)));
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
                people.putAll(people(unknown, now));
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

    static double levelWeight(String level) {
        return switch (level) {
            case "expert" -> STRENGTH.expert();
            case "practising" -> STRENGTH.practising();
            default -> STRENGTH.learning();
        };
    }

    private final Remembered<List<SkillEvidence>> knownHolders = new Remembered<>(10_000, HOLDERS_TTL);
    private final Remembered<Optional<SkillEvidence>> knownEvidence = new Remembered<>(200_000, HOLDERS_TTL);
    private final Remembered<PersonInfo> knownPeople = new Remembered<>(50_000, PEOPLE_TTL);

    /** The state of the graph that what is remembered was read at. */
    private Remembered.Version version() {
        return new Remembered.Version(index.generation(), store.evidenceWrites());
    }

    /**
     * The {@code perSkill} strongest holders of each skill, from the store or from what it said
     * less than {@link #HOLDERS_TTL} ago with nothing changed since. Popular skills have thousands
     * of holders, and the same skills are asked about again and again.
     */
    List<SkillEvidence> strongest(Collection<String> keys, int perSkill, boolean writing, Instant now) {
        var version = version();
        var out = new ArrayList<SkillEvidence>();
        var missing = new ArrayList<String>();
        for (String key : keys) {
            List<SkillEvidence> kept = knownHolders.get(key + "|" + perSkill + "|" + writing, version, now);
            if (kept != null) {
                out.addAll(kept);
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            var byKey = new HashMap<String, List<SkillEvidence>>();
            for (SkillEvidence e : store.strongest(missing, perSkill, writing, STRENGTH, now)) {
                byKey.computeIfAbsent(e.skillKey(), k -> new ArrayList<>()).add(e);
            }
            for (String key : missing) {
                var list = List.copyOf(byKey.getOrDefault(key, List.of()));
                knownHolders.put(key + "|" + perSkill + "|" + writing, version, now, list);
                out.addAll(list);
            }
        }
        return out;
    }

    /**
     * The evidence of these people on these skills, as {@link ExpertiseStore#evidenceOf}, from what
     * the store said with nothing changed since where it can: the contributors of the documents
     * about a popular topic are asked about again and again. Whether someone has no evidence on a
     * skill is remembered too.
     */
    private List<SkillEvidence> evidenceOf(List<String> skillKeys, List<String> personIds, Instant now) {
        var version = version();
        var out = new ArrayList<SkillEvidence>();
        var missing = new ArrayList<String>();
        for (String person : personIds) {
            var kept = new ArrayList<SkillEvidence>();
            boolean known = true;
            for (String skill : skillKeys) {
                Optional<SkillEvidence> e = knownEvidence.get(skill + "|" + person, version, now);
                if (e == null) {
                    known = false;
                    break;
                }
                e.ifPresent(kept::add);
            }
            if (known) {
                out.addAll(kept);
            } else {
                missing.add(person);
            }
        }
        if (!missing.isEmpty()) {
            var read = new HashMap<String, SkillEvidence>();
            for (SkillEvidence e : store.evidenceOf(skillKeys, missing)) {
                read.put(e.skillKey() + "|" + e.personId(), e);
                out.add(e);
            }
            for (String person : missing) {
                for (String skill : skillKeys) {
                    String key = skill + "|" + person;
                    knownEvidence.put(key, version, now, Optional.ofNullable(read.get(key)));
                }
            }
        }
        return out;
    }

    /**
     * Who these people are and whether they can be suggested, from what the store said less than
     * {@link #PEOPLE_TTL} ago with nothing changed since where it can (the strongest experts on
     * popular topics are looked up again and again).
     */
    private Map<String, PersonInfo> people(List<String> ids, Instant now) {
        var version = version();
        var out = new HashMap<String, PersonInfo>();
        var missing = new ArrayList<String>();
        for (String id : ids) {
            PersonInfo kept = knownPeople.get(id, version, now);
            if (kept != null) {
                out.put(id, kept);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, PersonInfo> read = store.people(missing, now);
            read.forEach((id, p) -> knownPeople.put(id, version, now, p));
            out.putAll(read);
        }
        return out;
    }

    static double decay(Instant at, Instant now) {
        return decay(at, now, HALF_LIFE);
    }

    static double decay(Instant at, Instant now, Duration halfLife) {
        double age = Math.max(0, Duration.between(at, now).toDays());
        return Math.pow(0.5, age / halfLife.toDays());
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }

    // ---- matching free text to skills --------------------------------------------------------

    /**
     * Stored skills and aliases, reloaded after any change reached the index (every skill change
     * moves the change sequence, which the index applies) or an alias was added.
     */
    private record Vocabulary(Map<String, SkillNames.Skill> byKey, long generation) {}

    private Map<String, SkillNames.Skill> vocabulary() {
        Vocabulary v = vocabulary;
        long generation = index.generation();
        if (v == null || v.generation() != generation) {
            v = new Vocabulary(store.skillVocabulary(), generation);
            vocabulary = v;
        }
        return v.byKey();
    }

    /** Forgets the cached skill vocabulary, after a skill or alias changed. */
    public void skillsChanged() {
        vocabulary = null;
    }

    /**
     * Skills named by a topic, with how fully: the whole topic naming a skill counts 1, a run of
     * words inside it 0.8 (two or more words) or 0.6 (one word).
     */
    public Map<String, Double> matchSkills(String topic) {
        var vocab = vocabulary();
        var out = new LinkedHashMap<String, Double>();
        String[] words = topic.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}+#/.-]+");
        var clean = new ArrayList<String>();
        for (String w : words) {
            if (!w.isBlank()) {
                clean.add(w.replaceAll("^[.\\-/]+|[.\\-/]+$", ""));
            }
        }
        String whole = SkillNames.key(String.join(" ", clean));
        if (vocab.containsKey(whole)) {
            out.put(vocab.get(whole).key(), 1.0);
        }
        for (int size = Math.min(4, clean.size()); size >= 1; size--) {
            for (int i = 0; i + size <= clean.size(); i++) {
                String key = SkillNames.key(String.join(" ", clean.subList(i, i + size)));
                var skill = vocab.get(key);
                if (skill != null) {
                    out.merge(skill.key(), size > 1 ? 0.8 : 0.6, Math::max);
                }
            }
        }
        return out;
    }

    // ---- whom to learn from ------------------------------------------------------------------

    /** Why Lore thinks a person should learn a skill. */
    public record Need(SkillNames.Skill skill, double weight, String reason) {}

    /** One suggestion: whom, for which skill, how strongly, and why in words. */
    public record Suggestion(
            PersonInfo person, SkillNames.Skill skill, double score, List<Evidence> evidence, String why) {}

    /** Suggestions were made to a learner this long ago or less: the expert's current load. */
    static final Duration LOAD_WINDOW = Duration.ofDays(30);

    /**
     * Candidates weighed for closeness and load: the strongest by expertise alone. Closeness and
     * load can lift a candidate by at most 1.75x and lower one by load, so 40 is a wide margin.
     */
    static final int CANDIDATES = 40;

    /**
     * Whom {@code personId} should learn from: for skills they want to learn, read about or search
     * for and do not have yet, the available experts ranked by expertise, closeness (same team,
     * shared co-authors) and load (how many others they were already suggested to).
     */
    public List<Suggestion> learnFrom(String personId, int limit) {
        return advise(personId, limit).suggestions();
    }

    /** What a learner needs, and whom they should learn it from. */
    public record Advice(List<Need> needs, List<Suggestion> suggestions) {}

    /**
     * {@link #needs} and {@link #learnFrom} together, from one read of the learner: what {@code
     * personId} should learn next and the {@code limit} best people to learn it from.
     */
    public Advice advise(String personId, int limit) {
        Instant now = clock.instant();
        // the three reads share one transaction; the suggestion is recorded after it
        Advice advice = store.inOneRead(() -> {
            var learner = learner(personId, now);
            var needs = needs(learner);
            return new Advice(needs, suggest(learner, needs, limit, now));
        });
        List<Suggestion> top = advice.suggestions();
        // the first suggestion is whom the learner is sent to; that is the load others should feel
        var shown = top.stream().limit(1).map(s -> s.person().id()).toList();
        if (!shown.isEmpty()) {
            // in the background, many at a time: the learner need not wait for Lore's bookkeeping,
            // and a busy server writes one transaction for all the suggestions made meanwhile
            bookkeeping.add(() -> store.recordSuggested(List.of(new ExpertiseStore.Suggested(personId, shown, now))));
        }
        return advice;
    }

    private List<Suggestion> suggest(ExpertiseStore.Learner learner, List<Need> needs, int limit, Instant now) {
        String personId = learner.person().id();
        if (needs.isEmpty()) {
            return List.of();
        }
        var byKey = new LinkedHashMap<String, Need>();
        needs.forEach(n -> byKey.put(n.skill().key(), n));
        // per skill, one more than the candidates (the learner may be among them) and a margin
        List<SkillEvidence> evidence = strongest(byKey.keySet(), CANDIDATES + 10, true, now);
        // expertise of each candidate in each needed skill
        var expertise = new HashMap<String, Map<String, Double>>();
        var evidenceOf = new HashMap<String, List<Evidence>>();
        for (SkillEvidence e : evidence) {
            if (e.personId().equals(personId)) {
                continue;
            }
            double score = skillExpertise(e, now);
            if (score <= 0) {
                continue;
            }
            expertise.computeIfAbsent(e.personId(), k -> new HashMap<>()).put(e.skillKey(), score);
            evidenceOf
                    .computeIfAbsent(e.personId() + "|" + e.skillKey(), k -> new ArrayList<>())
                    .addAll(describe(e, now));
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
                .collect(java.util.stream.Collectors.toSet());
        expertise.keySet().retainAll(strongest);
        var people = new HashMap<String, PersonInfo>();
        var load = new HashMap<String, Integer>();
        for (var c : store.candidates(expertise.keySet(), personId, now.minus(LOAD_WINDOW), now)) {
            people.put(c.person().id(), c.person());
            load.put(c.person().id(), c.load());
        }
        expertise
                .keySet()
                .removeIf(id -> !people.containsKey(id) || !people.get(id).suggestible());
        if (expertise.isEmpty()) {
            return List.of();
        }
        var closeness = store.closeness(personId, expertise.keySet());
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

    /** Expertise in one skill from the graph alone: declared level, endorsements, writing. */
    static double skillExpertise(SkillEvidence e, Instant now) {
        double declared = e.level()
                .map(l -> levelWeight(l) * decay(e.declaredAt().orElse(now), now))
                .orElse(0.0);
        double endorsed = e.endorsers().isEmpty()
                ? 0
                : STRENGTH.endorsement()
                        * log2(1 + e.endorsers().size())
                        * decay(e.lastEndorsedAt().orElse(now), now);
        double written = e.articles() == 0
                ? 0
                : Math.min(STRENGTH.writingCap(), e.writtenShare() + STRENGTH.perArticle() * e.articles())
                        * decay(e.lastWrittenAt().orElse(now), now);
        return declared + endorsed + written;
    }

    static List<Evidence> describe(SkillEvidence e, Instant now) {
        var out = new ArrayList<Evidence>();
        if (e.articles() > 0) {
            out.add(new Evidence(
                    "writing",
                    null,
                    null,
                    e.skillName(),
                    e.writtenShare(),
                    e.articles(),
                    round(Math.min(STRENGTH.writingCap(), e.writtenShare() + STRENGTH.perArticle() * e.articles())),
                    e.lastWrittenAt().orElse(null)));
        }
        e.level()
                .ifPresent(level -> out.add(new Evidence(
                        "skill",
                        level,
                        null,
                        e.skillName(),
                        0,
                        0,
                        levelWeight(level),
                        e.declaredAt().orElse(null))));
        if (!e.endorsers().isEmpty()) {
            out.add(new Evidence(
                    "endorsement",
                    null,
                    null,
                    e.skillName(),
                    0,
                    e.endorsers().size(),
                    round(STRENGTH.endorsement() * log2(1 + e.endorsers().size())),
                    e.lastEndorsedAt().orElse(null)));
        }
        return out;
    }

    /** Searches older than this do not tell what someone is learning now. */
    static final Duration SEARCHES_WINDOW = Duration.ofDays(30);

    private ExpertiseStore.Learner learner(String personId, Instant now) {
        return store.learner(personId, now.minus(SEARCHES_WINDOW), 20, now)
                .orElseThrow(() -> new dev.lore.graph.NoSuchEntityException("person", personId));
    }

    /**
     * What a learner should learn next, strongest first: skills they want to learn (1.0), skills of
     * articles they read (0.5 for three or more articles), skills named in their recent searches
     * (0.4); minus skills they already practise or write about. At most ten.
     */
    private List<Need> needs(ExpertiseStore.Learner learner) {
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
        var vocab = vocabulary();
        for (String query : learner.searches()) {
            for (String key : matchSkills(query).keySet()) {
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

    /** Experts to ask about an article's topics: its skills and title, the reader excluded. */
    public List<Expert> askAbout(String title, List<String> skills, Optional<String> readerId, int limit) {
        String topic = (title + " " + String.join(" ", skills)).strip();
        if (topic.isEmpty()) {
            return List.of();
        }
        if (topic.length() > MAX_TOPIC) {
            topic = topic.substring(0, MAX_TOPIC);
        }
        return experts(topic, limit, false, readerId.map(Set::of).orElse(Set.of()));
    }

    public ExpertiseStore store() {
        return store;
    }

    /**
     * Reads and suggestions are recorded behind the request, one transaction for all that are
     * waiting: each is a write of its own inside it, as it would be alone.
     */
    private final BatchWriter<Runnable> bookkeeping;

    /**
     * Records in the background that a signed-in person read an article, so what people read can
     * tell Lore what they are learning. Never slows the page down; a failure is only logged.
     */
    public void recordRead(String personId, String slug) {
        Instant at = clock.instant();
        bookkeeping.add(() -> store.recordRead(personId, slug, at));
    }

    /**
     * Waits (at most {@code timeout}) until every read and every suggestion recorded so far is
     * written.
     *
     * @throws dev.lore.server.BatchWriter.NotWrittenException when they are not written in time
     */
    public void awaitReads(Duration timeout) {
        bookkeeping.flush(timeout);
    }

    /** Reports the queue of reads and suggestions waiting to be written in the metrics. */
    public void measure(dev.lore.server.ops.Metrics metrics) {
        bookkeeping.measure(metrics, "reads-and-suggestions");
    }

    /** Writes what was read and suggested so far before the graph closes. */
    @Override
    public void close() {
        bookkeeping.close();
    }
}
