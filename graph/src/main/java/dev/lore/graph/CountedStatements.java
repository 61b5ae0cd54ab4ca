package dev.lore.graph;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * A transaction that counts the statements run in it: each is a round trip to the database over
 * Bolt, even inside one transaction, so the count says what a request costs the database.
 */
final class CountedStatements implements TransactionContext {
    private final TransactionContext tx;
    private final LongAdder count;

    CountedStatements(TransactionContext tx, LongAdder count) {
        this.tx = tx;
        this.count = count;
    }

    @Override
    public Result run(String query, Value parameters) {
        count.increment();
        return tx.run(query, parameters);
    }

    @Override
    public Result run(String query, Map<String, Object> parameters) {
        count.increment();
        return tx.run(query, parameters);
    }

    @Override
    public Result run(String query, Record parameters) {
        count.increment();
        return tx.run(query, parameters);
    }

    @Override
    public Result run(String query) {
        count.increment();
        return tx.run(query);
    }

    @Override
    public Result run(Query query) {
        count.increment();
        return tx.run(query);
    }
}
