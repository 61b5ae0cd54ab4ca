package dev.lore.graph.question;

import dev.lore.graph.NoSuchEntityException;
import java.util.Map;
import org.neo4j.driver.TransactionContext;

/** The check every question, comment and kudos write makes first: the person it names exists. */
final class PersonCheck {
    private PersonCheck() {}

    /** @throws NoSuchEntityException when there is no person {@code personId} */
    static void require(TransactionContext tx, String personId) {
        boolean exists = tx.run("MATCH (p:Person {id: $id}) RETURN count(p) > 0 AS exists", Map.of("id", personId))
                .single()
                .get("exists")
                .asBoolean();
        if (!exists) {
            throw new NoSuchEntityException("person", personId);
        }
    }
}
