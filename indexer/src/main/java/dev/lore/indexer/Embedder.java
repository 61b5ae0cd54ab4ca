package dev.lore.indexer;

import java.util.List;

/**
 * A sentence-embedding model: turns passages and queries into unit vectors whose dot product says
 * how close their meanings are. Implementations are thread-safe and run in process.
 */
public interface Embedder extends AutoCloseable {
    /** The model's name and version, recorded in the index: vectors of another model are rebuilt. */
    String name();

    /** The length of every vector. */
    int dimension();

    /** One unit vector per passage, in order; may use several threads. */
    List<float[]> passages(List<String> texts);

    /** The unit vector of a search, as the model wants queries phrased. */
    float[] query(String text);

    @Override
    void close();
}
