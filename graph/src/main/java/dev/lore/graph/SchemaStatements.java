package dev.lore.graph;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies named {@code CREATE CONSTRAINT|INDEX name IF NOT EXISTS} statements, running only those
 * whose name the database does not have yet. A restart asks the database once for the names it
 * has (constraints and indexes) instead of planning and running every statement again; a store
 * missing one (new in this version, or dropped by hand) gets exactly that one. Same outcome as
 * running them all, since each statement is a no-op when its name exists.
 */
public final class SchemaStatements {
    private static final Pattern NAMED =
            Pattern.compile("^CREATE (?:CONSTRAINT|INDEX) (\\w+) IF NOT EXISTS .*", Pattern.DOTALL);

    private SchemaStatements() {}

    /** The name a statement creates; every schema statement of Lore names what it creates. */
    static String nameOf(String statement) {
        var m = NAMED.matcher(statement);
        if (!m.matches()) {
            throw new IllegalArgumentException("schema statement without a name: " + statement);
        }
        return m.group(1);
    }

    /** Runs the statements among {@code statements} whose names the database lacks; returns how many ran. */
    public static int applyMissing(Graph graph, List<String> statements) {
        return applyMissing(graph, statements, namesPresent(graph));
    }

    /** As above, with the names the database has already read ({@link StoreShape}). */
    public static int applyMissing(Graph graph, List<String> statements, Set<String> present) {
        return applyMissing(graph, statements, present, Optional.empty());
    }

    /**
     * As above; with the embedded database, the statements it {@linkplain InProcessSchema
     * understands} are made in one transaction through Neo4j's Java API instead of as Cypher. If
     * that transaction fails (say an equivalent index exists under another name, which {@code IF
     * NOT EXISTS} tolerates), nothing of it stays and every missing statement runs as Cypher.
     */
    public static int applyMissing(
            Graph graph, List<String> statements, Set<String> present, Optional<EmbeddedNeo4j> embedded) {
        if (embedded.isPresent() && statements.stream().allMatch(InProcessSchema::understands)) {
            try {
                return embedded.get().createSchema(statements, present);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(SchemaStatements.class)
                        .warn("Schema not made in process, running it as Cypher: {}", e.toString());
            }
        }
        int ran = 0;
        for (String statement : statements) {
            if (!present.contains(nameOf(statement))) {
                graph.write(tx -> tx.run(statement).consume());
                ran++;
            }
        }
        return ran;
    }

    /** Names of the constraints and indexes the database has. */
    static Set<String> namesPresent(Graph graph) {
        return StoreShape.read(graph).schemaNames();
    }
}
