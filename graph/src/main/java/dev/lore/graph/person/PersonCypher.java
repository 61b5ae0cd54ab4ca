package dev.lore.graph.person;

import dev.lore.graph.NoSuchEntityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import org.neo4j.driver.TransactionContext;

/** Cypher about people that other features' stores run inside their own transactions. */
public final class PersonCypher {
    private PersonCypher() {}

    /**
     * Checks that every person in {@code ids} exists, in one query.
     *
     * @throws NoSuchEntityException naming the first id (in the given order) with no person
     */
    public static void requireExist(TransactionContext tx, Collection<String> ids) {
        var distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        var found = new HashSet<String>(
                tx.run("UNWIND $ids AS id MATCH (p:Person {id: id}) RETURN p.id AS id", Map.of("ids", distinct))
                        .list(r -> r.get("id").asString()));
        for (String id : distinct) {
            if (!found.contains(id)) {
                throw new NoSuchEntityException("person", id);
            }
        }
    }
}
