package dev.lore.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lore.graph.support.TestGraph;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGraph.class)
class SchemaStatementsTest {
    private static final String PROBE = "CREATE INDEX schema_test_probe IF NOT EXISTS FOR (p:SchemaProbe) ON (p.key)";

    /** One of each shape Lore writes: a uniqueness constraint, a node, a composite and a relationship index. */
    private static final List<String> SHAPES = List.of(
            "CREATE CONSTRAINT schema_test_unique IF NOT EXISTS FOR (p:SchemaProbe) REQUIRE p.id IS UNIQUE",
            "CREATE INDEX schema_test_node IF NOT EXISTS FOR (p:SchemaProbe) ON (p.seq)",
            "CREATE INDEX schema_test_pair IF NOT EXISTS FOR (p:SchemaProbe) ON (p.owner, p.read)",
            "CREATE INDEX schema_test_rel IF NOT EXISTS FOR ()-[r:SCHEMA_PROBE]-() ON (r.skill)");

    @AfterEach
    void dropProbe(Graph graph) {
        graph.write(tx -> tx.run("DROP INDEX schema_test_probe IF EXISTS").consume());
        dropShapes(graph);
    }

    private static void dropShapes(Graph graph) {
        graph.write(tx -> tx.run("DROP CONSTRAINT schema_test_unique IF EXISTS").consume());
        for (String index : List.of("schema_test_node", "schema_test_pair", "schema_test_rel", "schema_test_other")) {
            graph.write(tx -> tx.run("DROP INDEX " + index + " IF EXISTS").consume());
        }
    }

    /** What the store says about the probe's constraints and indexes, one line each. */
    private static List<String> describeShapes(Graph graph) {
        return graph.read(tx -> {
            var lines = new java.util.ArrayList<String>();
            tx.run("SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, owningConstraint"
                            + " WHERE name STARTS WITH 'schema_test_' RETURN *")
                    .forEachRemaining(r -> lines.add("index " + r.asMap(String::valueOf)));
            tx.run("SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties, ownedIndex"
                            + " WHERE name STARTS WITH 'schema_test_' RETURN *")
                    .forEachRemaining(r -> lines.add("constraint " + r.asMap(String::valueOf)));
            return lines.stream().sorted().toList();
        });
    }

    @Test
    void theEmbeddedDatabaseMakesInProcessWhatTheCypherStatementsMake(Graph graph, EmbeddedNeo4j db) {
        assertThat(SchemaStatements.applyMissing(graph, SHAPES, Set.of())).isEqualTo(4);
        var byCypher = describeShapes(graph);
        assertThat(byCypher).hasSize(5); // the constraint and the index it owns, three indexes
        dropShapes(graph);

        assertThat(SchemaStatements.applyMissing(graph, SHAPES, db.shape().schemaNames(), Optional.of(db)))
                .isEqualTo(4);
        assertThat(describeShapes(graph)).isEqualTo(byCypher);
        assertThat(SchemaStatements.applyMissing(graph, SHAPES, db.shape().schemaNames(), Optional.of(db)))
                .isZero();
    }

    @Test
    void everySchemaStatementOfLoreIsMadeInProcess() {
        assertThat(Schema.statements())
                .allSatisfy(
                        s -> assertThat(InProcessSchema.understands(s)).as(s).isTrue());
        assertThat(InProcessSchema.understands("CREATE FULLTEXT INDEX x IF NOT EXISTS FOR (a:A) ON EACH [a.b]"))
                .isFalse();
    }

    @Test
    void anEquivalentIndexUnderAnotherNameFallsBackToCypherAsIfNotExistsAllows(Graph graph, EmbeddedNeo4j db) {
        graph.write(tx -> tx.run("CREATE INDEX schema_test_other FOR (p:SchemaProbe) ON (p.seq)")
                .consume());

        // the Java API refuses an equivalent index; the rolled back transaction leaves nothing, and
        // Cypher's IF NOT EXISTS then makes the rest and skips the equivalent one
        SchemaStatements.applyMissing(graph, SHAPES, db.shape().schemaNames(), Optional.of(db));

        assertThat(db.shape().schemaNames())
                .contains("schema_test_unique", "schema_test_pair", "schema_test_rel", "schema_test_other")
                .doesNotContain("schema_test_node");
    }

    @Test
    void aStoreWithEveryConstraintAndIndexRunsNoStatementAgain(Graph graph) {
        assertThat(SchemaStatements.applyMissing(graph, Schema.statements())).isZero();
    }

    @Test
    void aMissingIndexIsCreatedOnceAndAgainAfterItWasDropped(Graph graph) {
        assertThat(SchemaStatements.namesPresent(graph)).doesNotContain("schema_test_probe");

        assertThat(SchemaStatements.applyMissing(graph, List.of(PROBE))).isEqualTo(1);
        assertThat(SchemaStatements.namesPresent(graph)).contains("schema_test_probe");
        assertThat(SchemaStatements.applyMissing(graph, List.of(PROBE))).isZero();

        graph.write(tx -> tx.run("DROP INDEX schema_test_probe").consume());
        assertThat(SchemaStatements.applyMissing(graph, List.of(PROBE))).isEqualTo(1);
        assertThat(SchemaStatements.namesPresent(graph)).contains("schema_test_probe");
    }

    @Test
    void everyStatementNamesWhatItCreates() {
        assertThat(Schema.statements())
                .allSatisfy(s -> assertThat(SchemaStatements.nameOf(s)).isNotBlank());
        assertThatThrownBy(() -> SchemaStatements.nameOf("CREATE INDEX FOR (p:X) ON (p.key)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a name");
    }

    @Test
    void theEmbeddedDatabaseTellsItsShapeAsCypherDoesWithoutAQuery(Graph graph, EmbeddedNeo4j db) {
        assertThat(db.shape()).isEqualTo(StoreShape.read(graph));
        assertThat(db.shape().counterExists()).isTrue();
        assertThat(db.shape().schemaNames())
                .contains("article_id", "counter_name")
                .doesNotContain("schema_test_probe");

        SchemaStatements.applyMissing(graph, List.of(PROBE));
        graph.write(tx -> tx.run("MATCH (c:Counter {name: 'change'}) DELETE c").consume());
        assertThat(db.shape()).isEqualTo(StoreShape.read(graph));
        assertThat(db.shape().schemaNames()).contains("schema_test_probe");
        assertThat(db.shape().counterExists()).isFalse();

        Schema.apply(graph, db.shape()); // makes the counter again, as a start does
        assertThat(db.shape().counterExists()).isTrue();

        graph.write(tx -> tx.run("MATCH (c:Counter {name: 'change'}) DELETE c").consume());
        Schema.apply(graph, db.shape(), Optional.of(db)); // in process, as an embedded start does
        assertThat(db.shape().counterExists()).isTrue();
        assertThat((long) graph.read(tx -> tx.run("MATCH (c:Counter {name: 'change'}) RETURN c.value AS v")
                        .single()
                        .get("v")
                        .asLong()))
                .isZero();
        Schema.apply(graph, db.shape(), Optional.of(db));
        assertThat((long) graph.read(tx -> tx.run("MATCH (c:Counter {name: 'change'}) RETURN count(c) AS n")
                        .single()
                        .get("n")
                        .asLong()))
                .isEqualTo(1);
    }
}
