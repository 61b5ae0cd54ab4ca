package dev.lore.indexer;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The model a test class loads once, handed to each index it opens: an index closes its embedder,
 * and this one does not close the model. It counts the queries that reach the model.
 */
final class SharedModel implements Embedder {
    final AtomicInteger queries = new AtomicInteger();
    private final Embedder model;

    SharedModel(Embedder model) {
        this.model = model;
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public List<float[]> passages(List<String> texts) {
        return model.passages(texts);
    }

    @Override
    public float[] query(String text) {
        queries.incrementAndGet();
        return model.query(text);
    }

    @Override
    public void close() {}
}
