package dev.lore.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.support.TestGraph;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The embedded database plans a query once for its parameters' types, whatever their lengths. */
@ExtendWith(TestGraph.class)
class QueryPlansTest {
    private static final Pattern CLEARED = Pattern.compile("(\\d+)");

    /** Empties the query caches and returns how many entries they held (Neo4j's own procedure). */
    private static long clearPlans(Graph graph) {
        String answer = graph.write(
                tx -> tx.run("CALL db.clearQueryCaches()").single().get(0).asString());
        var m = CLEARED.matcher(answer);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @Test
    void oneQueryWithTextsAndListsOfAnyLengthIsPlannedOnce(Graph graph) {
        String query = """
                UNWIND $ids AS id
                MERGE (p:Person {id: id})
                SET p.name = $name, p.team = $team
                RETURN count(p) AS n
                """;
        clearPlans(graph);
        for (int length : List.of(1, 5, 50, 500, 5_000)) {
            var ids = IntStream.range(0, Math.min(length, 300))
                    .mapToObj(i -> "p" + i)
                    .toList();
            graph.write(tx -> tx.run(query, Map.of("ids", ids, "name", "n".repeat(length), "team", "t".repeat(length)))
                    .consume());
        }
        String other = "MATCH (p:Person {id: $id}) RETURN p.name AS name";
        graph.read(tx -> tx.run(other, Map.of("id", "p1")).list());
        graph.read(tx -> tx.run(other, Map.of("id", "p".repeat(400))).list());

        long plans = clearPlans(graph);
        assertThat(plans).isEqualTo(2);
    }
}
