package dev.lore.graph;

import java.util.Map;
import java.util.Optional;

/** Small named values Lore keeps about itself in the graph, such as whether the seed pack was loaded. */
public final class Settings {
    private final Graph graph;

    public Settings(Graph graph) {
        this.graph = graph;
    }

    public Optional<String> get(String key) {
        return graph.read(tx -> tx
                .run("MATCH (s:Setting {key: $key}) RETURN s.value AS value", Map.of("key", key))
                .list(r -> r.get("value").asString())
                .stream()
                .findFirst());
    }

    public void put(String key, String value) {
        graph.write(
                tx -> tx.run("MERGE (s:Setting {key: $key}) SET s.value = $value", Map.of("key", key, "value", value))
                        .consume());
    }

    /**
     * Claims the work named {@code key} for {@code lease} from {@code now}: true when this call got
     * it, false while another (another server) holds a claim that has not run out. The node is
     * locked before the claim is checked, so of several servers claiming at once one gets it; a
     * server that dies holding it leaves it to be claimed again once the lease ran out.
     */
    public boolean claim(String key, java.time.Instant now, java.time.Duration lease) {
        long at = now.toEpochMilli();
        return graph.write(tx -> tx.run("""
                                MERGE (s:Setting {key: $key})
                                SET s.lockedAt = $now
                                WITH s WHERE s.claimUntil IS NULL OR s.claimUntil < $now
                                SET s.claimUntil = $until
                                RETURN count(s) AS claimed
                                """, Map.of("key", key, "now", at, "until", at + lease.toMillis()))
                        .single()
                        .get("claimed")
                        .asLong())
                > 0;
    }
}
