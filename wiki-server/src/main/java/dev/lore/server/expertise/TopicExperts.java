package dev.lore.server.expertise;

import dev.lore.server.expertise.ExpertService.Expert;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The experts an article's page offers to ask about its topic, remembered per topic while nothing
 * they were ranked from has changed ({@link Remembered}: the index generation, the evidence writes
 * and the graph's version), and for at most {@link EvidenceCache#PEOPLE_TTL}, which bounds how late
 * a leave that ends on its date is seen. Every view of a page asks the same question, and ranking
 * the answer costs a search over the whole index; checking that nothing changed costs one small
 * read. The reader is left out after the ranking, which ranks one more for each person left out:
 * the answer is the one a ranking without them would give. Thread-safe.
 */
final class TopicExperts {
    private final Remembered<List<Expert>> known = new Remembered<>(10_000, EvidenceCache.PEOPLE_TTL);
    private final Supplier<Remembered.Version> version;
    private final BiFunction<String, Integer, List<Expert>> rank;
    private final Clock clock;

    /**
     * @param version the state of the graph now
     * @param rank the {@code limit} best experts on a topic, nobody left out
     */
    TopicExperts(Supplier<Remembered.Version> version, BiFunction<String, Integer, List<Expert>> rank, Clock clock) {
        this.version = version;
        this.rank = rank;
        this.clock = clock;
    }

    List<Expert> ask(String topic, int limit, Set<String> exclude) {
        Instant now = clock.instant();
        int wanted = limit + exclude.size();
        String key = wanted + "|" + topic;
        Remembered.Version at = version.get(); // before the ranking: a change during it makes the answer stale
        List<Expert> ranked = known.get(key, at, now);
        if (ranked == null) {
            ranked = List.copyOf(rank.apply(topic, wanted));
            known.put(key, at, now, ranked);
        }
        return ranked.stream()
                .filter(e -> !exclude.contains(e.person().id()))
                .limit(limit)
                .toList();
    }
}
