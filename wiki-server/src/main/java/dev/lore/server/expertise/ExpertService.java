package dev.lore.server.expertise;

import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.expertise.Endorsement;
import dev.lore.graph.expertise.ExpertiseStore;
import dev.lore.graph.expertise.LearnerStore;
import dev.lore.graph.expertise.PersonInfo;
import dev.lore.graph.expertise.ReadStore;
import dev.lore.graph.expertise.SkillNames;
import dev.lore.graph.expertise.SkillOverview;
import dev.lore.graph.person.DeclaredSkill;
import dev.lore.graph.person.PersonStore;
import dev.lore.indexer.LoreIndex;
import dev.lore.server.BatchWriter;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.search.IndexSync;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who knows about a topic, and why; whom to learn from; and every write to expertise evidence
 * (declared skills, endorsements, wishes to learn, availability, skill aliases and descriptions).
 * Each write invalidates what this service remembers once it has committed, and answers from its
 * own transaction: the answer describes that write, whatever commits next. The ranking itself is
 * {@link ExpertRanking}'s, the advice {@link LearnAdvisor}'s. Every result carries the evidence
 * that produced it. Thread-safe.
 */
public final class ExpertService implements AutoCloseable {
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
     * @param history how much of a document's credit goes by each contributor's share of the lines
     *     ever added to it (whole history) rather than their share of its current text, 0 to 1
     */
    public record Ranking(
            int documents,
            double relevancePower,
            double presence,
            int writingHalfLifeDays,
            boolean decayByTopic,
            boolean proximity,
            double history) {
        public static final Ranking DEFAULT = new Ranking(100, 1, 0.02, 2920, false, false, 0.5);

        public Ranking {
            if (documents < 1
                    || relevancePower <= 0
                    || presence < 0
                    || writingHalfLifeDays < 1
                    || history < 0
                    || history > 1) {
                throw new IllegalArgumentException("bad ranking constants: " + documents + ", " + relevancePower + ", "
                        + presence + ", " + writingHalfLifeDays);
            }
        }

        @Override
        public String toString() {
            return "documents=" + documents + " power=" + relevancePower + " presence=" + presence + " half-life="
                    + writingHalfLifeDays + "d decay=" + (decayByTopic ? "topic" : "article") + " proximity="
                    + (proximity ? "yes" : "no") + " history=" + history;
        }
    }

    static final int MAX_TOPIC = 1_000;

    /** A ranked expert with the evidence and a sentence a person would say. */
    public record Expert(PersonInfo person, double score, List<Evidence> evidence, String explanation) {}

    /** The answer to an endorsement: whether it is new, and the endorsements the person has now. */
    public record Endorsed(boolean created, List<Endorsement> endorsements) {}

    private final ExpertiseStore store;
    private final PersonStore people;
    private final IndexSync sync;
    private final Clock clock;
    private final SkillMatcher matcher;
    private final EvidenceCache cache;
    private final ExpertRanking ranking;
    private final LearnAdvisor advisor;

    /**
     * Reads and suggestions are recorded behind the request, one transaction for all that are
     * waiting: each is a write of its own inside it, as it would be alone.
     */
    private final BatchWriter<Runnable> bookkeeping;

    private final TopicExperts topicExperts;
    private final ProfileReads profileReads;

    /**
     * @param people where declared skills are kept
     * @param sync told after skills are declared, so people are searchable by them at once
     */
    public ExpertService(LoreIndex index, ExpertiseStore store, PersonStore people, IndexSync sync, Clock clock) {
        this.store = store;
        this.people = people;
        this.sync = sync;
        this.clock = clock;
        this.matcher = new SkillMatcher(index, store.skills(), store::graphVersion);
        this.cache = new EvidenceCache(index, store);
        this.profileReads = new ProfileReads(store);
        this.ranking = new ExpertRanking(index, store, cache, matcher);
        this.advisor = new LearnAdvisor(store, cache, matcher);
        this.topicExperts = new TopicExperts(cache::version, (topic, n) -> experts(topic, n, false, Set.of()), clock);
        this.bookkeeping = new BatchWriter<>(
                "reads and suggestions",
                "lore-reads",
                batch -> store.inOneWrite(() -> batch.forEach(Runnable::run)),
                500,
                10_000);
    }

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
        return store.inOneRead(() -> this.ranking.rank(topic, limit, includeUnavailable, exclude, ranking, now));
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
        return topicExperts.ask(topic, limit, readerId.map(Set::of).orElse(Set.of()));
    }

    /**
     * Skills named by a topic, with how fully: the whole topic naming a skill counts 1, a run of
     * words inside it 0.8 (two or more words) or 0.6 (one word).
     */
    public java.util.Map<String, Double> matchSkills(String topic) {
        return matcher.match(topic);
    }

    /**
     * Whom {@code personId} should learn from: for skills they want to learn, read about or search
     * for and do not have yet, the available experts ranked by expertise, closeness (same team,
     * shared co-authors) and load (how many others they were already suggested to).
     */
    public List<Advice.Suggestion> learnFrom(String personId, int limit) {
        return advise(personId, limit).suggestions();
    }

    /**
     * What {@code personId} should learn next and the {@code limit} best people to learn it from,
     * from one read of the learner. The first suggestion is recorded in the background, as load
     * others feel.
     */
    public Advice advise(String personId, int limit) {
        Instant now = clock.instant();
        Advice advice = advisor.advise(personId, limit, now);
        // the first suggestion is whom the learner is sent to; that is the load others should feel
        var shown =
                advice.suggestions().stream().limit(1).map(s -> s.person().id()).toList();
        if (!shown.isEmpty()) {
            // in the background, many at a time: the learner need not wait for Lore's bookkeeping,
            // and a busy server writes one transaction for all the suggestions made meanwhile
            bookkeeping.add(
                    () -> store.learners().recordSuggested(List.of(new LearnerStore.Suggested(personId, shown, now))));
        }
        return advice;
    }

    // ---- reads for profiles and skill pages --------------------------------------------------

    /** A person's skills with evidence, contributions, endorsements and wishes, as of now; empty for an unknown id. */
    public Optional<Profile> profile(String personId) {
        Instant now = clock.instant();
        return store.inOneRead(() -> readProfile(personId, now));
    }

    private Optional<Profile> readProfile(String personId, Instant now) {
        return store.availability().person(personId, now).map(person -> {
            var kept = profileReads.of(personId);
            return new Profile(
                    person, kept.skills(), kept.contributions(), kept.endorsements(), kept.wantsToLearn(), now);
        });
    }

    /**
     * Who of {@code ids} Lore may send people to now (active and available), for the people
     * directory.
     */
    public Set<String> availableNow(java.util.Collection<String> ids) {
        Instant now = clock.instant();
        var out = new java.util.HashSet<String>();
        store.availability().people(ids, now).values().stream()
                .filter(PersonInfo::suggestible)
                .forEach(p -> out.add(p.id()));
        return out;
    }

    /** The stored skill a name stands for, through built-in and stored aliases. */
    public Optional<SkillNames.Skill> findSkill(String name) {
        return store.skills().findSkill(name);
    }

    /** What a skill's page shows (its 50 newest articles, 8 related skills), found by any of its names. */
    public Optional<SkillOverview> skill(String name) {
        return store.inOneRead(() -> store.skills().findSkill(name).flatMap(this::overview));
    }

    private Optional<SkillOverview> overview(SkillNames.Skill skill) {
        return store.skills().overview(skill.key(), 50, 8);
    }

    /** See {@link ReadStore#popular}. */
    public List<ReadStore.Popular> popular(Instant since, int limit) {
        return store.reads().popular(since, limit);
    }

    // ---- writes ------------------------------------------------------------------------------

    /**
     * Runs a write and the reads that answer it in one transaction, then drops what this service
     * remembers: nothing read before the commit is served after it.
     */
    private <T> T written(Supplier<T> work) {
        try {
            return store.inOneWrite(work);
        } finally {
            matcher.forget();
            cache.changed();
        }
    }

    /** {@code from} endorses {@code to} for a skill; answers with {@code to}'s endorsements as this left them. */
    public Endorsed endorse(String from, String to, String skill) {
        Instant at = clock.instant();
        return written(() -> new Endorsed(
                store.endorsements().endorse(from, to, skill, at),
                store.endorsements().endorsementsOf(to)));
    }

    /** Withdraws an endorsement; false when there was none. */
    public boolean revokeEndorsement(String from, String to, String skill) {
        return written(() -> store.endorsements().revokeEndorsement(from, to, skill));
    }

    /** Replaces the skills a person wants to learn; answers with their names as this left them. */
    public List<String> setWantsToLearn(String personId, List<String> skills) {
        return written(() -> store.learners().setWantsToLearn(personId, skills)).stream()
                .map(SkillNames.Skill::name)
                .toList();
    }

    /**
     * Sets whether a person can be suggested (see {@link
     * dev.lore.graph.expertise.AvailabilityStore#setAvailability}); answers with the person as this
     * left them.
     */
    public PersonInfo setAvailability(String personId, String status, Optional<Instant> until) {
        Instant now = clock.instant();
        return written(() -> store.availability().setAvailability(personId, status, until, now));
    }

    /**
     * Replaces a person's declared skills (their wishes to learn stay); answers with their profile
     * as this left it.
     */
    public Profile declareSkills(String personId, List<DeclaredSkill> skills) {
        Instant now = clock.instant();
        Profile profile = written(() -> {
            store.availability().person(personId, now).orElseThrow(() -> new NoSuchEntityException("person", personId));
            people.declareSkills(personId, skills, now);
            return readProfile(personId, now).orElseThrow();
        });
        sync.catchUp();
        return profile;
    }

    /**
     * Sets how a person is reached besides their email: a chat handle and office hours in their
     * words, as {@link ContactInput} checks them; blank clears either. Answers with the person as
     * this left them.
     */
    public PersonInfo setContact(String personId, String rawChat, String rawOfficeHours) {
        String chat = ContactInput.chat(rawChat);
        String hours = ContactInput.officeHours(rawOfficeHours);
        Instant now = clock.instant();
        String handle = chat;
        return written(() -> {
            people.setContact(personId, handle, hours);
            return store.availability()
                    .person(personId, now)
                    .orElseThrow(() -> new NoSuchEntityException("person", personId));
        });
    }

    /** Makes {@code alias} another name of a skill, merging a skill stored under it; returns the skill. */
    public SkillNames.Skill addAlias(String skill, String alias) {
        return written(() -> store.skills().addAlias(skill, alias));
    }

    /** Sets what a skill is about, creating the skill when new (a seed pack's skills); returns it. */
    public SkillNames.Skill describe(String skill, String description) {
        return written(() -> store.skills().describe(skill, description));
    }

    /**
     * Sets what an existing skill is about; answers with its page as this left it.
     *
     * @throws NoSuchEntityException when no skill has this name
     */
    public SkillOverview describeExisting(String name, String description) {
        return written(() -> {
            var skill = store.skills().findSkill(name).orElseThrow(() -> new NoSuchEntityException("skill", name));
            var described = store.skills().describe(skill.name(), description);
            return overview(described).orElseThrow(() -> new NoSuchEntityException("skill", name));
        });
    }

    /** See {@link dev.lore.graph.expertise.AvailabilityStore#backfillLastActive}. */
    public int backfillLastActive() {
        return written(() -> store.availability().backfillLastActive());
    }

    // ---- bookkeeping -------------------------------------------------------------------------

    /**
     * Records in the background that a signed-in person read an article, so what people read can
     * tell Lore what they are learning. Never slows the page down; a failure is only logged.
     */
    public void recordRead(String personId, String slug) {
        Instant at = clock.instant();
        bookkeeping.add(() -> store.reads().recordRead(personId, slug, at));
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
