package dev.lore.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lore.graph.support.TestGraph;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGraph.class)
class SchemaStatementsTest {
    private static final String PROBE = "CREATE INDEX schema_test_probe IF NOT EXISTS FOR (p:SchemaProbe) ON (p.key)";

    @AfterEach
    void dropProbe(Graph graph) {
        graph.write(tx -> tx.run("DROP INDEX schema_test_probe IF EXISTS").consume());
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
    }
}
