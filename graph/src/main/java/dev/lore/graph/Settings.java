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
}
