package dev.lore.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.schema.IndexCreator;
import org.neo4j.graphdb.schema.IndexType;

/**
 * Creates Lore's named schema statements through Neo4j's Java API in one transaction, for the
 * embedded database: a new store then plans no Cypher for its 57 constraints and indexes (each a
 * distinct text, so each a cold plan). Only the two shapes Lore writes are understood, a
 * single-property uniqueness constraint on a label and a range index on a label or relationship
 * type; anything else is refused, and {@link Schema} then runs that statement as Cypher.
 */
final class InProcessSchema {
    private static final Pattern UNIQUE = Pattern.compile(
            "^CREATE CONSTRAINT (\\w+) IF NOT EXISTS FOR \\((\\w+):(\\w+)\\) REQUIRE \\2\\.(\\w+) IS UNIQUE$");
    private static final Pattern NODE_INDEX =
            Pattern.compile("^CREATE INDEX (\\w+) IF NOT EXISTS FOR \\((\\w+):(\\w+)\\) ON \\(([\\w., ]+)\\)$");
    private static final Pattern REL_INDEX = Pattern.compile(
            "^CREATE INDEX (\\w+) IF NOT EXISTS FOR \\(\\)-\\[(\\w+):(\\w+)\\]-\\(\\) ON \\(([\\w., ]+)\\)$");

    private InProcessSchema() {}

    /** Whether {@link #create} can make what {@code statement} makes. */
    static boolean understands(String statement) {
        return UNIQUE.matcher(statement).matches()
                || properties(NODE_INDEX, statement) != null
                || properties(REL_INDEX, statement) != null;
    }

    /**
     * Creates, in one transaction, what each of {@code statements} names and {@code present}
     * lacks; every statement must be {@link #understands understood}. Returns how many it made.
     */
    static int create(GraphDatabaseService db, List<String> statements, Set<String> present) {
        var missing = statements.stream()
                .filter(s -> !present.contains(SchemaStatements.nameOf(s)))
                .toList();
        if (missing.isEmpty()) {
            return 0;
        }
        try (var tx = db.beginTx()) {
            var schema = tx.schema();
            for (String statement : missing) {
                var unique = UNIQUE.matcher(statement);
                if (unique.matches()) {
                    schema.constraintFor(Label.label(unique.group(3)))
                            .assertPropertyIsUnique(unique.group(4))
                            .withName(unique.group(1))
                            .create();
                    continue;
                }
                var node = NODE_INDEX.matcher(statement);
                var rel = REL_INDEX.matcher(statement);
                IndexCreator creator;
                List<String> properties;
                if (node.matches() && (properties = properties(NODE_INDEX, statement)) != null) {
                    creator = schema.indexFor(Label.label(node.group(3)));
                } else if (rel.matches() && (properties = properties(REL_INDEX, statement)) != null) {
                    creator = schema.indexFor(RelationshipType.withName(rel.group(3)));
                } else {
                    throw new IllegalArgumentException("not a statement made in process: " + statement);
                }
                for (String property : properties) {
                    creator = creator.on(property);
                }
                creator.withIndexType(IndexType.RANGE)
                        .withName(SchemaStatements.nameOf(statement))
                        .create();
            }
            tx.commit();
        }
        return missing.size();
    }

    /** The properties of an index statement, each of the bound variable, or null if it is not one. */
    private static List<String> properties(Pattern pattern, String statement) {
        var m = pattern.matcher(statement);
        if (!m.matches()) {
            return null;
        }
        var result = new ArrayList<String>();
        for (String part :
                Arrays.stream(m.group(4).split(",")).map(String::trim).toList()) {
            var dot = part.indexOf('.');
            if (dot < 0 || !part.substring(0, dot).equals(m.group(2))) {
                return null;
            }
            result.add(part.substring(dot + 1));
        }
        return result;
    }
}
